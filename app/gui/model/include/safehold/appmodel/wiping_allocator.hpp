#pragma once
// Wiping allocator for Dear ImGui (ImGui::SetAllocatorFunctions).
//
// Contract: every block carries a small header recording its size, so the
// free function wipes exactly the bytes handed out (sodium_memzero) before
// returning them to malloc. Live blocks are kept on an intrusive list so tests
// (and the lock sequence's self-check) can prove that no record text remains
// in memory ImGui still owns. Thread-safe. Never includes ImGui: the
// signatures match ImGuiMemAllocFunc / ImGuiMemFreeFunc.
#include <cstddef>
#include <string_view>

namespace safehold::appmodel {

void* wiping_alloc(std::size_t size, void* user_data) noexcept;
void wiping_free(void* ptr, void* user_data) noexcept;

// Bytes currently handed out through wiping_alloc (payload only).
[[nodiscard]] std::size_t wiping_live_bytes() noexcept;
// Number of live blocks.
[[nodiscard]] std::size_t wiping_live_blocks() noexcept;
// True if any live block contains `needle` (byte-wise). For tests and for the
// lock sequence's debug check; O(total live bytes).
[[nodiscard]] bool wiping_live_contains(std::string_view needle) noexcept;

}  // namespace safehold::appmodel

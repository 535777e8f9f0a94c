#include "safehold/appmodel/wiping_allocator.hpp"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace safehold::appmodel {
namespace {

// 32 bytes keeps the payload 16-byte aligned, like malloc's.
struct alignas(16) Header {
  Header* prev;
  Header* next;
  std::size_t size;
  std::size_t magic;
};
static_assert(sizeof(Header) == 32);
constexpr std::size_t kMagic = 0x5afe401dU;

struct LiveList {
  std::mutex mutex;
  Header* head = nullptr;
  std::size_t bytes = 0;
  std::size_t blocks = 0;
};

LiveList& live() {
  // Leaked on purpose: ImGui may free blocks during static destruction.
  static auto* list = new LiveList();
  return *list;
}

}  // namespace

void* wiping_alloc(std::size_t size, void*) noexcept {
  auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
  if (h == nullptr) return nullptr;
  h->size = size;
  h->magic = kMagic;
  h->prev = nullptr;
  auto& l = live();
  std::lock_guard lock(l.mutex);
  h->next = l.head;
  if (l.head != nullptr) l.head->prev = h;
  l.head = h;
  l.bytes += size;
  ++l.blocks;
  return h + 1;
}

void wiping_free(void* ptr, void*) noexcept {
  if (ptr == nullptr) return;
  Header* h = static_cast<Header*>(ptr) - 1;
  if (h->magic != kMagic) std::abort();  // not ours: a programmer error
  {
    auto& l = live();
    std::lock_guard lock(l.mutex);
    if (h->prev != nullptr) h->prev->next = h->next; else l.head = h->next;
    if (h->next != nullptr) h->next->prev = h->prev;
    l.bytes -= h->size;
    --l.blocks;
  }
  sodium_memzero(h, sizeof(Header) + h->size);
  std::free(h);
}

std::size_t wiping_live_bytes() noexcept {
  auto& l = live();
  std::lock_guard lock(l.mutex);
  return l.bytes;
}

std::size_t wiping_live_blocks() noexcept {
  auto& l = live();
  std::lock_guard lock(l.mutex);
  return l.blocks;
}

bool wiping_live_contains(std::string_view needle) noexcept {
  if (needle.empty()) return false;
  auto& l = live();
  std::lock_guard lock(l.mutex);
  for (const Header* h = l.head; h != nullptr; h = h->next) {
    const auto* data = reinterpret_cast<const char*>(h + 1);
    if (h->size >= needle.size() &&
        memmem(data, h->size, needle.data(), needle.size()) != nullptr) {
      return true;
    }
  }
  return false;
}

}  // namespace safehold::appmodel

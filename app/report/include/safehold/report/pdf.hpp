#pragma once
// Lays out a Document with Pango and writes it as PDF through Cairo
// (schema/report-v1.md section 2). Text is shaped by HarfBuzz through Pango
// (Chinese, Uyghur in Arabic script right to left), with the fonts fontconfig
// finds among the Debian packages (Noto Sans, Noto Sans CJK, Noto Sans
// Arabic, DejaVu Sans as the last fallback); Cairo embeds a subset of each
// font used. The PDF goes to a ByteSink as it is produced: nothing touches
// the disk here.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "safehold/base/byte_io.hpp"
#include "safehold/report/document.hpp"
#include "safehold/report/error.hpp"

namespace safehold::report {

struct PdfStats {
  std::size_t pages = 0;
};

[[nodiscard]] ReportResult<PdfStats> write_pdf(const Document& doc, Paper paper, base::ByteSink& out);

// Overwrites `size` bytes at `p` with zeros in a way the compiler keeps
// (sodium_memzero).
void wipe_bytes(void* p, std::size_t size) noexcept;

// An allocator whose blocks are wiped before they go back to the heap: the
// pixels of a page hold the case's text, and the `safehold` binary's wiping
// operator delete does not cover the CLI, the tests or other hosts.
template <class T>
struct WipingAllocator {
  using value_type = T;
  WipingAllocator() noexcept = default;
  template <class U>
  WipingAllocator(const WipingAllocator<U>&) noexcept {}  // NOLINT: rebinding, as std::allocator
  T* allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T* p, std::size_t n) noexcept {
    wipe_bytes(p, n * sizeof(T));
    std::allocator<T>().deallocate(p, n);
  }
  template <class U>
  bool operator==(const WipingAllocator<U>&) const noexcept {
    return true;
  }
};

// Pixels of a page: wiped when freed (and when a resize moves them).
using PixelBuffer = std::vector<unsigned char, WipingAllocator<unsigned char>>;

// One page of the document as pixels, laid out exactly as write_pdf lays it
// out (the GUI's preview before anything is written). Drawn by Cairo on an
// image surface over a PixelBuffer of ours (never a buffer Cairo mallocs and
// frees unwiped): nothing touches the disk. Holds the case's text as pixels:
// the caller keeps it only while the case may be shown.
struct PageImage {
  int width = 0, height = 0;
  PixelBuffer rgba;       // width * height * 4 bytes, R G B A, opaque
  std::size_t pages = 0;  // pages of the whole document
};
// `page` 0-based; `width_px` 16..4096 (the height follows the paper).
[[nodiscard]] ReportResult<PageImage> render_page_image(const Document& doc, Paper paper, std::size_t page,
                                                        int width_px);

// How the report's text engine lays out one paragraph: the glyph ids and x
// positions (Pango units) in visual order, and whether its base direction is
// right to left. Lets a test prove that Uyghur is shaped (joined forms, not
// the isolated letters) with exactly the settings write_pdf uses.
struct GlyphProbe {
  std::vector<unsigned> glyphs;
  std::vector<int> x;
  bool right_to_left = false;
};
[[nodiscard]] GlyphProbe probe_layout(const std::string& text, schema::Language language);

}  // namespace safehold::report

// write_pdf: paginates a Document with Pango and draws it on a Cairo PDF
// surface that streams into a ByteSink. Two passes: the first lays out every
// paragraph and decides where each line goes (so the footer can say "page N
// of M"), the second draws the pages. render_page_image draws one page the
// same way into memory (the GUI's preview).
#include "safehold/report/pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace safehold::report {
namespace {

// Families in fallback order: Latin, then Chinese (the variant of the
// document's language first: Han characters differ between them), Arabic
// script (Uyghur), DejaVu for anything else. All from Debian packages
// (fonts-noto-core, fonts-noto-cjk, fonts-dejavu-core).
std::string families(schema::Language lang) {
  const char* cjk = lang == schema::Language::zh_hant ? "Noto Sans CJK TC, Noto Sans CJK SC"
                                                      : "Noto Sans CJK SC, Noto Sans CJK TC";
  return std::string("Noto Sans, ") + cjk + ", Noto Sans Arabic, DejaVu Sans";
}

const char* pango_language(schema::Language lang) {
  switch (lang) {
    case schema::Language::zh_hans: return "zh-cn";
    case schema::Language::zh_hant: return "zh-tw";
    case schema::Language::en: break;
  }
  return "en";
}

struct Unref {
  void operator()(void* p) const noexcept { g_object_unref(p); }
};
struct FontDescFree {
  void operator()(PangoFontDescription* p) const noexcept { pango_font_description_free(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, Unref>;
using FontPtr = std::unique_ptr<PangoFontDescription, FontDescFree>;

FontPtr font(const std::string& family, double size_pt, bool bold) {
  FontPtr f(pango_font_description_from_string(family.c_str()));
  pango_font_description_set_absolute_size(f.get(), size_pt * PANGO_SCALE);
  if (bold) pango_font_description_set_weight(f.get(), PANGO_WEIGHT_BOLD);
  return f;
}

// A PangoContext for one language over a private font map, with metrics
// unhinted (a PDF has no device pixels).
struct TextEngine {
  PangoFontMap* map = nullptr;
  PangoContext* context = nullptr;
  FontPtr body, bold, heading, small, code;

  TextEngine(cairo_t* cr, schema::Language lang) {
    map = pango_cairo_font_map_new();
    context = pango_font_map_create_context(map);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    if (cr != nullptr) pango_cairo_update_context(cr, context);
    pango_context_set_language(context, pango_language_from_string(pango_language(lang)));
    const std::string fam = families(lang);
    body = font(fam, 9.0, false);
    bold = font(fam, 9.5, true);
    heading = font(fam, 14.0, true);
    small = font(fam, 7.5, false);
    code = font("DejaVu Sans Mono", 8.0, false);
  }
  ~TextEngine() {
    g_object_unref(context);
    g_object_unref(map);
  }
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  LayoutPtr layout(const std::string& text, const PangoFontDescription* f, double width_pt) const {
    LayoutPtr l(pango_layout_new(context));
    pango_layout_set_font_description(l.get(), f);
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    if (width_pt > 0) pango_layout_set_width(l.get(), static_cast<int>(width_pt * PANGO_SCALE));
    pango_layout_set_text(l.get(), text.data(), static_cast<int>(text.size()));
    return l;
  }
};

double height_pt(PangoLayout* l) {
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

// Pango measures in int units of 1/1024 pt: one paragraph wider than about
// 2 million points overflows them and is then not wrapped at all (a 1 MiB
// narrative without a newline, as a hostile sender may write). So a long
// value is cut into paragraphs of at most this many bytes: at its newlines,
// else at the last space, else at a character boundary.
constexpr std::size_t kMaxPieceBytes = 8 * 1024;

std::vector<std::string> pieces(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (text.size() - at > kMaxPieceBytes) {
    std::size_t cut = text.rfind('\n', at + kMaxPieceBytes);
    if (cut == std::string::npos || cut <= at) cut = text.rfind(' ', at + kMaxPieceBytes);
    if (cut == std::string::npos || cut <= at) {
      cut = at + kMaxPieceBytes;
      // Back to the start of a UTF-8 character (not a continuation byte).
      while (cut > at && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out.push_back(text.substr(at, cut - at));
    at = cut;
    if (text[at] == '\n' || text[at] == ' ') ++at;
  }
  out.push_back(text.substr(at));
  return out;
}

// One thing to draw on a page: a whole layout (line < 0), one of its lines,
// or a chart bar (bar_w > 0: a rectangle, filled or outlined).
struct Draw {
  std::size_t layout = 0;
  int line = -1;
  double x = 0, y = 0;  // top-left of the layout, or of the line, or of the bar
  double bar_w = 0, bar_h = 0;
  bool outline = false;
};

struct Geometry {
  double width = 0, height = 0;
  double margin = 56.0;   // ~2 cm
  double top = 72.0, bottom = 64.0;
  double content_width() const { return width - 2 * margin; }
  double content_bottom() const { return height - bottom; }
};

class Paginator {
 public:
  Paginator(const TextEngine& t, const Geometry& g) : t_(t), g_(g) { new_page(); }

  void heading(const std::string& text, bool section) {
    if (text.empty()) return;
    auto l = t_.layout(text, section ? t_.heading.get() : t_.bold.get(), g_.content_width());
    const double h = height_pt(l.get());
    // Keep a heading with at least some of what follows it.
    if (y_ + h + 36.0 > g_.content_bottom()) new_page();
    y_ += section ? 10.0 : 6.0;
    place_whole(std::move(l), g_.margin, h);
    y_ += section ? 6.0 : 2.0;
  }

  // A value longer than kMaxPieceBytes goes as several paragraphs in the
  // value column (see pieces()).
  void row(const Row& r) {
    if (r.bar >= 0) {
      bar_row(r);
      return;
    }
    const bool label_column = !r.label.empty();
    const auto parts = pieces(r.value);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      part(i == 0 ? r.label : std::string(), parts[i], r.code, label_column);
    }
  }

 private:
  // A chart row: the label, the count as printed (right-aligned in a column
  // of its own), then the bar. Label and count in one face on one
  // baseline at fixed places, so text extraction (pdftotext, a screen
  // reader) reads "2019 <5" as one line whatever the bar's length.
  void bar_row(const Row& r) {
    const double label_w = g_.content_width() * 0.3, gap = 8.0, count_w = 40.0;
    auto label = t_.layout(r.label, t_.body.get(), label_w);
    auto value = t_.layout(r.value, t_.body.get(), -1);
    const double label_base = static_cast<double>(pango_layout_get_baseline(label.get())) / PANGO_SCALE;
    const double value_base = static_cast<double>(pango_layout_get_baseline(value.get())) / PANGO_SCALE;
    const double shift = std::max(label_base - value_base, 0.0);  // the count down to the label's first baseline
    const double bar_h = 9.0;
    const double row_h = std::max({height_pt(label.get()), height_pt(value.get()) + shift, bar_h});
    if (y_ + row_h > g_.content_bottom()) new_page();
    const double top = y_;
    place_whole(std::move(label), g_.margin, 0.0);
    int value_w = 0, value_h = 0;
    pango_layout_get_size(value.get(), &value_w, &value_h);
    const double count_x = g_.margin + label_w + gap;
    y_ = top + shift;
    place_whole(std::move(value), count_x + count_w - static_cast<double>(value_w) / PANGO_SCALE, 0.0);
    const double bar_x = count_x + count_w + gap;
    const double room = g_.margin + g_.content_width() - bar_x;
    const double w = std::max(room * std::min(r.bar, 1.0), 1.5);
    pages_.back().push_back({0, -1, bar_x, top + label_base - bar_h + 1.0, w, bar_h, r.bar_outline});
    y_ = top + row_h + 3.0;
  }

  void part(const std::string& label_text, const std::string& text, bool code, bool label_column) {
    const double label_w = label_column ? g_.content_width() * 0.3 : 0.0;
    const double gap = label_column ? 8.0 : 0.0;
    auto label = label_text.empty() ? nullptr : t_.layout(label_text, t_.small.get(), label_w);
    auto value = t_.layout(text, code ? t_.code.get() : t_.body.get(), g_.content_width() - label_w - gap);
    const double label_h = label ? height_pt(label.get()) : 0.0;
    const double value_h = height_pt(value.get());
    const double row_h = std::max(label_h, value_h);
    const double value_x = g_.margin + label_w + gap;
    if (y_ + row_h <= g_.content_bottom()) {
      const double top = y_;
      if (label) place_whole(std::move(label), g_.margin, 0.0);
      y_ = top;
      place_whole(std::move(value), value_x, row_h);
      y_ += 3.0;
      return;
    }
    // Taller than what is left: the label with the first lines, then the
    // value line by line across pages (a long narrative).
    if (y_ + std::max(label_h, 14.0) > g_.content_bottom()) new_page();
    if (label) {
      const double top = y_;
      place_whole(std::move(label), g_.margin, 0.0);
      y_ = top;
    }
    const std::size_t index = keep(std::move(value));
    PangoLayoutIter* it = pango_layout_get_iter(layouts_[index].get());
    int line = 0;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const double h = static_cast<double>(logical.height) / PANGO_SCALE;
      if (y_ + h > g_.content_bottom()) new_page();
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
      pages_.back().push_back({index, line, value_x + static_cast<double>(logical.x) / PANGO_SCALE, y_ + baseline});
      y_ += h;
      ++line;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    y_ += 3.0;
  }

 public:
  void space(double pt) { y_ += pt; }
  void new_page() {
    pages_.emplace_back();
    y_ = g_.top;
  }

  const std::vector<std::vector<Draw>>& pages() const { return pages_; }
  PangoLayout* layout(std::size_t i) const { return layouts_[i].get(); }

 private:
  std::size_t keep(LayoutPtr l) {
    layouts_.push_back(std::move(l));
    return layouts_.size() - 1;
  }
  void place_whole(LayoutPtr l, double x, double h) {
    const double used = h > 0 ? h : height_pt(l.get());
    pages_.back().push_back({keep(std::move(l)), -1, x, y_});
    y_ += used;
  }

  const TextEngine& t_;
  const Geometry& g_;
  std::vector<LayoutPtr> layouts_;
  std::vector<std::vector<Draw>> pages_;
  double y_ = 0;
};

std::string page_text(const std::string& format, std::size_t n, std::size_t m) {
  std::string out = format;
  auto put = [&out](const char* key, std::size_t v) {
    const auto at = out.find(key);
    if (at != std::string::npos) out.replace(at, 3, std::to_string(v));
  };
  put("{n}", n);
  put("{m}", m);
  return out;
}

void draw_frame(cairo_t* cr, const TextEngine& t, const Geometry& g, const Document& doc, std::size_t n,
                std::size_t m) {
  auto draw = [&](const std::string& text, const PangoFontDescription* f, double x, double y, bool right) {
    auto l = t.layout(text, f, -1);
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    cairo_move_to(cr, right ? x - static_cast<double>(w) / PANGO_SCALE : x, y);
    pango_cairo_show_layout(cr, l.get());
  };
  const double header_y = g.top - 30.0;
  draw(doc.title, t.small.get(), g.margin, header_y, false);
  draw(doc.reference, t.bold.get(), g.width - g.margin, header_y - 1.0, true);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, g.margin, header_y + 14.0);
  cairo_line_to(cr, g.width - g.margin, header_y + 14.0);
  cairo_stroke(cr);
  const double footer_y = g.height - g.bottom + 20.0;
  draw(doc.records_sha256.empty() ? doc.reference
                                  : "SHA-256 " + doc.records_sha256.substr(0, 16) + "…  " + doc.reference,
       t.small.get(), g.margin, footer_y, false);
  draw(page_text(doc.page_format, n, m), t.small.get(), g.width - g.margin, footer_y, true);
}

struct StreamState {
  base::ByteSink* sink = nullptr;
  bool failed = false;
};

cairo_status_t write_to_sink(void* closure, const unsigned char* data, unsigned int length) {
  auto* s = static_cast<StreamState*>(closure);
  if (s->failed) return CAIRO_STATUS_WRITE_ERROR;
  if (!s->sink->write({data, length})) {
    s->failed = true;
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

Geometry geometry(Paper paper) {
  Geometry g;
  if (paper == Paper::letter) {
    g.width = 612.0;  // 8.5 x 11 in
    g.height = 792.0;
  } else {
    g.width = 595.2756;  // 210 x 297 mm
    g.height = 841.8898;
  }
  return g;
}

// Lays out every section (pagination: the first pass of both writers).
void lay_out(const Document& doc, Paginator& p) {
  for (std::size_t si = 0; si < doc.sections.size(); ++si) {
    const Section& section = doc.sections[si];
    if (si == 1) p.new_page();  // the cover stands alone
    p.heading(section.title, true);
    if (section.blocks.empty()) p.row({"", section.empty_note, false});
    for (const auto& block : section.blocks) {
      p.heading(block.heading, false);
      for (const auto& r : block.rows) p.row(r);
      p.space(6.0);
    }
  }
}

// Draws page `i` (0-based) of what `p` laid out, frame included.
void draw_page(cairo_t* cr, const TextEngine& text, const Geometry& g, const Document& doc, const Paginator& p,
               std::size_t i) {
  const auto& pages = p.pages();
  cairo_set_source_rgb(cr, 0, 0, 0);
  draw_frame(cr, text, g, doc, i + 1, pages.size());
  for (const auto& d : pages[i]) {
    if (d.bar_w > 0) {
      cairo_rectangle(cr, d.x, d.y, d.bar_w, d.bar_h);
      if (d.outline) {
        cairo_set_line_width(cr, 1.0);
        cairo_stroke(cr);
      } else {
        cairo_set_source_rgb(cr, 0.25, 0.35, 0.55);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
      }
      continue;
    }
    cairo_move_to(cr, d.x, d.y);
    if (d.line < 0) {
      pango_cairo_show_layout(cr, p.layout(d.layout));
    } else {
      pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(p.layout(d.layout), d.line));
    }
  }
}

}  // namespace

ReportResult<PdfStats> write_pdf(const Document& doc, Paper paper, base::ByteSink& out) {
  const Geometry g = geometry(paper);
  StreamState stream{&out, false};
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(write_to_sink, &stream, g.width, g.height);
  // Metadata names the report and the case reference only, never content.
  const std::string title = doc.title + " " + doc.reference;
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Safehold");
  cairo_t* cr = cairo_create(surface);
  PdfStats stats;
  {
    const TextEngine text(cr, doc.language);
    Paginator p(text, g);
    lay_out(doc, p);
    stats.pages = p.pages().size();
    for (std::size_t i = 0; i < stats.pages; ++i) {
      draw_page(cr, text, g, doc, p, i);
      cairo_show_page(cr);
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (stream.failed) return report_fail(ReportError::file_failed, "writing the PDF failed");
  if (status != CAIRO_STATUS_SUCCESS) return report_fail(ReportError::layout_failed, cairo_status_to_string(status));
  return stats;
}

ReportResult<PageImage> render_page_image(const Document& doc, Paper paper, std::size_t page, int width_px) {
  if (width_px < 16 || width_px > 4096) return report_fail(ReportError::invalid_request, "preview width out of range");
  const Geometry g = geometry(paper);
  const double scale = static_cast<double>(width_px) / g.width;
  PageImage out;
  out.width = width_px;
  out.height = static_cast<int>(g.height * scale + 0.5);
  // An image surface over memory we own and wipe (PixelBuffer): the pixels
  // never leave the process, and no copy of them lingers in freed heap.
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, out.width);
  PixelBuffer argb(static_cast<std::size_t>(stride) * static_cast<std::size_t>(out.height), 0);
  cairo_surface_t* surface =
      cairo_image_surface_create_for_data(argb.data(), CAIRO_FORMAT_ARGB32, out.width, out.height, stride);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  bool drawn = false;
  {
    // The same engine as the PDF (metrics unhinted), so the lines break
    // where they break on paper.
    const TextEngine text(nullptr, doc.language);
    Paginator p(text, g);
    lay_out(doc, p);
    out.pages = p.pages().size();
    if (page < out.pages) {
      draw_page(cr, text, g, doc, p, page);
      drawn = true;
    }
  }
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) return report_fail(ReportError::layout_failed, cairo_status_to_string(status));
  if (!drawn) return report_fail(ReportError::invalid_request, "no such page");
  // Cairo's ARGB32 is premultiplied, native-endian 32-bit words; the GPU
  // wants R, G, B, A bytes. The page is opaque, so no un-premultiplying.
  const auto w = static_cast<std::size_t>(out.width);
  const auto h = static_cast<std::size_t>(out.height);
  const auto row_bytes = static_cast<std::size_t>(stride);
  out.rgba.resize(w * h * 4);
  for (std::size_t y = 0; y < h; ++y) {
    const unsigned char* src = argb.data() + y * row_bytes;
    unsigned char* dst = out.rgba.data() + y * w * 4;
    for (std::size_t x = 0; x < w; ++x) {
      std::uint32_t px = 0;
      std::memcpy(&px, src + 4 * x, sizeof px);
      dst[4 * x + 0] = static_cast<unsigned char>(px >> 16);
      dst[4 * x + 1] = static_cast<unsigned char>(px >> 8);
      dst[4 * x + 2] = static_cast<unsigned char>(px);
      dst[4 * x + 3] = 255;
    }
  }
  return out;
}

void wipe_bytes(void* p, std::size_t size) noexcept {
  if (p != nullptr && size > 0) sodium_memzero(p, size);
}

GlyphProbe probe_layout(const std::string& text, schema::Language language) {
  const TextEngine engine(nullptr, language);
  auto layout = engine.layout(text, engine.body.get(), -1);
  GlyphProbe out;
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), 0);
  if (line == nullptr) return out;
  out.right_to_left = line->resolved_dir == PANGO_DIRECTION_RTL;
  int x = 0;
  for (GSList* run = line->runs; run != nullptr; run = run->next) {
    const auto* item = static_cast<PangoGlyphItem*>(run->data);
    for (int i = 0; i < item->glyphs->num_glyphs; ++i) {
      out.glyphs.push_back(item->glyphs->glyphs[i].glyph);
      out.x.push_back(x + item->glyphs->glyphs[i].geometry.x_offset);
      x += item->glyphs->glyphs[i].geometry.width;
    }
  }
  return out;
}

}  // namespace safehold::report

#pragma once
// Pixels shown as an image: the report preview's first page. The GUI library
// has no window of its own (the headless tests and the bench draw without
// one), so the host that owns the GL context (main.cpp) installs how an
// image becomes a texture. Without a host (headless) the preview is drawn as
// a framed placeholder of the page's size; the pixels are still made.
#include <imgui.h>

#include <cstdint>

namespace safehold::gui {

struct TextureHost {
  // RGBA bytes, width*height*4 → a texture id ImGui's renderer can draw.
  ImTextureID (*upload)(const unsigned char* rgba, int width, int height) = nullptr;
  void (*release)(ImTextureID texture) = nullptr;
};
void SetTextureHost(TextureHost host);

// One uploaded image, replaced when its generation changes, released when
// cleared or destroyed.
class PreviewTexture {
 public:
  PreviewTexture() = default;
  ~PreviewTexture() { Clear(); }
  PreviewTexture(const PreviewTexture&) = delete;
  PreviewTexture& operator=(const PreviewTexture&) = delete;
  // Screens are reset by assigning a fresh one (lock): the old texture goes.
  PreviewTexture(PreviewTexture&& other) noexcept;
  PreviewTexture& operator=(PreviewTexture&& other) noexcept;

  // Uploads `rgba` unless `generation` is the one already up.
  void Update(std::uint64_t generation, const unsigned char* rgba, int width, int height);
  void Clear();
  // Draws the image (or the placeholder) `width` pixels wide.
  void Draw(float width, int image_width, int image_height) const;

 private:
  ImTextureID texture_ = nullptr;
  std::uint64_t generation_ = 0;
};

}  // namespace safehold::gui

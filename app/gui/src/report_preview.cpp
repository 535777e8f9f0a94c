#include "report_preview.hpp"

#include "theme.hpp"

namespace safehold::gui {
namespace {

TextureHost g_host;

}  // namespace

void SetTextureHost(TextureHost host) { g_host = host; }

PreviewTexture::PreviewTexture(PreviewTexture&& other) noexcept
    : texture_(other.texture_), generation_(other.generation_) {
  other.texture_ = nullptr;
  other.generation_ = 0;
}

PreviewTexture& PreviewTexture::operator=(PreviewTexture&& other) noexcept {
  if (this != &other) {
    Clear();
    texture_ = other.texture_;
    generation_ = other.generation_;
    other.texture_ = nullptr;
    other.generation_ = 0;
  }
  return *this;
}

void PreviewTexture::Update(std::uint64_t generation, const unsigned char* rgba, int width, int height) {
  if (generation == generation_ && (texture_ != nullptr || g_host.upload == nullptr)) return;
  Clear();
  generation_ = generation;
  if (rgba != nullptr && g_host.upload != nullptr) texture_ = g_host.upload(rgba, width, height);
}

void PreviewTexture::Clear() {
  if (texture_ != nullptr && g_host.release != nullptr) g_host.release(texture_);
  texture_ = nullptr;
  generation_ = 0;
}

void PreviewTexture::Draw(float width, int image_width, int image_height) const {
  if (image_width <= 0) return;
  const ImVec2 size(width, width * static_cast<float>(image_height) / static_cast<float>(image_width));
  if (texture_ != nullptr) {
    ImGui::Image(texture_, size, ImVec2(0, 0), ImVec2(1, 1), ImVec4(1, 1, 1, 1), MutedColor());
    return;
  }
  // No GPU here (headless): a frame of the page's size stands in.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(MutedColor()));
  ImGui::Dummy(size);
}

}  // namespace safehold::gui

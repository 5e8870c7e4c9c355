// PNG/JPEG bytes -> RGBA8 pixels, with stb_image (and RGBA8 -> PNG for
// screenshots, with stb_image_write). Runs while content loads,
// never in a frame. The header is read first so a huge picture is refused
// before any memory is spent on its pixels.
#pragma once
#include "content/content.h"
#include "base/diagnostics.h"
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ck {

struct ImageLimits {
    int max_side = 4096;                  // pixels, either side (check warns from 4 000 on)
    long long max_pixels = 16000000;      // 16 MP
    int max_drawn_side = 2048;            // larger pictures are scaled down to this (never drawn bigger)
};

// Width and height from the header alone; false when the bytes are not a PNG
// or JPEG that stb_image understands.
bool ReadImageSize(std::string_view bytes, int* width, int* height);

// Decodes `bytes` into an image stored under `key`, scaled down (keeping its
// shape) when a side is over limits.max_drawn_side. On failure returns nullptr
// and adds one error against `file`/`line` (the page that shows the picture).
std::shared_ptr<ImageData> DecodeImage(std::string_view bytes, const std::string& key,
                                       const std::string& file, int line, Diagnostics* diag,
                                       const ImageLimits& limits = ImageLimits());

// Writes RGBA8 pixels (top row first) as a PNG; false on failure.
bool WritePng(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba);

} // namespace ck

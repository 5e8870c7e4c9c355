// stb_image is compiled here and only here, limited to PNG and JPEG. Its
// functions are made static so they cannot clash with another copy of stb in
// the process (Debian's libstb also exports them).
#include "content/image_decode.h"
#include <climits>
#include <cstring>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#endif
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
// Declarations only: the resizer itself comes from Debian's libstb.
#include <stb/stb_image_resize.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#include <algorithm>
#include <cmath>

namespace ck {

bool ReadImageSize(std::string_view bytes, int* width, int* height)
{
    if (bytes.empty() || bytes.size() > static_cast<size_t>(INT_MAX))
        return false;
    int channels = 0;
    return stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()),
                                 width, height, &channels) != 0;
}

std::shared_ptr<ImageData> DecodeImage(std::string_view bytes, const std::string& key,
                                       const std::string& file, int line, Diagnostics* diag,
                                       const ImageLimits& limits)
{
    auto fail = [&](const std::string& message) -> std::shared_ptr<ImageData> {
        if (diag)
            diag->Error(file, line, 0, "the picture \"" + key + "\" " + message);
        return nullptr;
    };

    int width = 0, height = 0;
    if (!ReadImageSize(bytes, &width, &height))
        return fail("is not a PNG or JPEG file the kiosk can read");
    if (width <= 0 || height <= 0)
        return fail("has no pixels");
    if (width > limits.max_side || height > limits.max_side
        || static_cast<long long>(width) * height > limits.max_pixels)
        return fail("is too large (" + std::to_string(width) + " x " + std::to_string(height)
                    + " pixels); export it about 2 000 pixels wide, and at most 4 000 on a side");

    int decoded_w = 0, decoded_h = 0, channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                            static_cast<int>(bytes.size()), &decoded_w, &decoded_h, &channels, 4);
    if (!pixels)   // stb's own reasons ("IDAT size") mean nothing to clinic staff
        return fail("is damaged and cannot be shown; save it again as PNG or JPEG");
    auto image = std::make_shared<ImageData>();
    image->key = key;
    image->width = decoded_w;
    image->height = decoded_h;
    const size_t size = static_cast<size_t>(decoded_w) * decoded_h * 4;
    // A camera photo is far bigger than any column it is drawn in; keeping
    // it whole would only cost texture memory.
    const int long_side = std::max(decoded_w, decoded_h);
    if (limits.max_drawn_side > 0 && long_side > limits.max_drawn_side) {
        const double scale = static_cast<double>(limits.max_drawn_side) / long_side;
        const int w = std::max(1, static_cast<int>(std::lround(decoded_w * scale)));
        const int h = std::max(1, static_cast<int>(std::lround(decoded_h * scale)));
        image->rgba.resize(static_cast<size_t>(w) * h * 4);
        if (!stbir_resize_uint8(pixels, decoded_w, decoded_h, 0, image->rgba.data(), w, h, 0, 4)) {
            stbi_image_free(pixels);
            return fail("could not be scaled down; make it at most " + std::to_string(limits.max_drawn_side)
                        + " pixels wide and high");
        }
        image->width = w;
        image->height = h;
    } else {
        image->rgba.assign(pixels, pixels + size);
    }
    stbi_image_free(pixels);
    return image;
}

bool WritePng(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba)
{
    if (rgba.size() != size_t(width) * height * 4)
        return false;
    return stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4) != 0;
}

} // namespace ck

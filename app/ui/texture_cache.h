// GL textures for content images. Content keeps pictures encoded (see
// ImageData); the first time a frame asks for one, a worker thread decodes it
// and a later frame uploads it, once. Textures are freed when content is
// replaced.
#pragma once
#include "core/content.h"
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>

namespace ck::ui {

struct Texture {
    unsigned id = 0;   // GL texture name; 0 = none
    int width = 0;
    int height = 0;
    bool pending = false;   // still decoding: draw nothing in its place yet
};

class TextureCache {
public:
    TextureCache() = default;
    ~TextureCache();
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    // Frees every texture; call when the Content is swapped. Waits for
    // decodes in flight (tens of ms at most) and drops their pixels.
    void Clear();
    // The texture for `key` (Content::images); keys that share one image (the
    // same file in two languages) share its texture. The first call starts
    // decoding and returns `pending`; once decoded, a call uploads it. Returns
    // an empty Texture if the image is unknown or cannot be decoded. Needs a
    // current GL context; in tests without GL set `upload_enabled` false and
    // only sizes are returned.
    Texture Get(const Content& content, const std::string& key);
    bool upload_enabled = true;

    // Called on the worker thread when a picture has been decoded, so the
    // event loop wakes and draws a frame that uploads it.
    std::function<void()> on_decoded;
    bool Decoding() const { return !decoding_.empty(); }
    // Blocks until every decode started has finished (screenshots).
    void WaitForDecodes() const;

private:
    std::map<const ImageData*, Texture> textures_;   // the Content's images, by address
    std::map<const ImageData*, std::future<std::shared_ptr<ImageData>>> decoding_;
};

} // namespace ck::ui

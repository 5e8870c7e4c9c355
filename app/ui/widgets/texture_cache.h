// GL textures for content images. Content keeps pictures encoded (see
// ImageData); the first time a frame asks for one, a worker thread decodes it
// and a later frame uploads it, once. When content is replaced, the textures
// of pictures whose bytes did not change stay (KeepFor); the rest are freed.
#pragma once
#include "base/worker.h"
#include "content/content.h"
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
    bool pending = false;   // still decoding: a placeholder stands in its box
};

class TextureCache {
public:
    TextureCache() = default;
    ~TextureCache();
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    // Frees every texture (an idle reset). Waits for decodes in flight (tens
    // of ms at most) and drops their pixels.
    void Clear();
    // Call when the Content is swapped for `next`: pictures of `next` with the
    // same bytes (ImageData::digest) and size as one shown before keep its
    // texture, so a reload neither decodes nor uploads them again and the
    // page does not blink; every other texture is freed.
    void KeepFor(const Content& next);
    // The texture for `key` (Content::images); keys that share one image (the
    // same file in two languages) share its texture. The first call starts
    // decoding and returns `pending`; once decoded, a call uploads it. Returns
    // an empty Texture if the image is unknown or cannot be decoded. Needs a
    // current GL context; in tests without GL set `upload_enabled` false and
    // only sizes are returned.
    Texture Get(const Content& content, const std::string& key);
    // The texture of pixels that are not a Content picture (a clip's first
    // frame, ImageData::rgba set), uploaded by the first call; kept until
    // Clear or KeepFor, so `pixels` must live as long as it is drawn.
    Texture GetPixels(const ImageData& pixels);
    bool upload_enabled = true;
    // How pixels become a texture and a texture is freed: OpenGL unless a
    // test puts its own here (ids must not be 0).
    std::function<unsigned(const ImageData& pixels)> upload;
    std::function<void(unsigned id)> release;

    // Called on the worker thread once a decoded picture is ready to take, so
    // the event loop wakes and draws a frame that uploads it.
    std::function<void()> on_decoded;
    bool Decoding() const { return !decoding_.empty(); }
    // Blocks until every decode started has finished (screenshots).
    void WaitForDecodes() const;

private:
    struct Cached {
        Texture texture;
        uint64_t digest = 0;   // ImageData::digest of the picture it shows
    };
    unsigned Upload(const ImageData& pixels) const;
    void Release(const Texture& texture) const;

    std::map<const ImageData*, Cached> textures_;   // the Content's images, by address
    std::map<const ImageData*, WorkerFuture<std::shared_ptr<ImageData>>> decoding_;
};

} // namespace ck::ui

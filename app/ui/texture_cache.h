// GL textures for content images. Pixels were decoded by the content loader
// (off the render path); each image is uploaded once, the first time it is
// drawn after a content (re)load, and freed when content is replaced.
#pragma once
#include "core/content.h"
#include <map>
#include <memory>
#include <string>

namespace ck::ui {

struct Texture {
    unsigned id = 0;   // GL texture name; 0 = none
    int width = 0;
    int height = 0;
};

class TextureCache {
public:
    TextureCache() = default;
    ~TextureCache();
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    // Frees every texture; call when the Content is swapped.
    void Clear();
    // The texture for `key` (Content::images), uploading on first use. Returns
    // an empty Texture if the image is unknown. Needs a current GL context; in
    // tests without GL set `upload_enabled` false and only sizes are returned.
    Texture Get(const Content& content, const std::string& key);
    bool upload_enabled = true;

private:
    std::map<std::string, Texture> textures_;
};

} // namespace ck::ui

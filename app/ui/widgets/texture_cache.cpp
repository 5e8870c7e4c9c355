// Decodes content images on a worker and uploads them to GL textures, once each.
#include "widgets/texture_cache.h"

#include "base/guard.h"
#include "content/image_decode.h"

#include <glad/gl.h>
#include <chrono>
#include <tuple>

namespace ck::ui {

TextureCache::~TextureCache()
{
    Clear();
}

void TextureCache::Release(const Texture& texture) const
{
    if (texture.id == 0)
        return;
    if (release) {
        release(texture.id);
    } else if (glad_glDeleteTextures) {   // null when no GL context was ever loaded (tests)
        GLuint id = texture.id;
        glDeleteTextures(1, &id);
    }
}

void TextureCache::Clear()
{
    WaitForDecodes();
    decoding_.clear();
    for (auto& [image, cached] : textures_)
        Release(cached.texture);
    textures_.clear();
}

void TextureCache::KeepFor(const Content& next)
{
    WaitForDecodes();
    decoding_.clear();   // pixels of the old content's pictures: decoded again if still wanted
    std::map<std::tuple<uint64_t, int, int>, Cached> shown;   // uploaded textures by (digest, size)
    for (auto& [image, cached] : textures_) {
        const auto key = std::make_tuple(cached.digest, cached.texture.width, cached.texture.height);
        if (cached.digest == 0 || cached.texture.id == 0 || !shown.emplace(key, cached).second)
            Release(cached.texture);
    }
    textures_.clear();
    for (const auto& [key, image] : next.images) {
        if (!image || image->digest == 0 || textures_.count(image.get()))
            continue;
        auto it = shown.find(std::make_tuple(image->digest, image->width, image->height));
        if (it == shown.end())
            continue;
        textures_[image.get()] = it->second;
        shown.erase(it);   // one owner per texture
    }
    for (auto& [key, cached] : shown)
        Release(cached.texture);
}

static unsigned UploadToGl(const ImageData& image)
{
    if (!glad_glGenTextures || image.width <= 0 || image.height <= 0 ||
        image.rgba.size() < static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4)
        return 0;
    // Drop errors left by others so only ours decide below (bounded: some
    // drivers report an error forever once the context is lost).
    for (int i = 0; i < 8 && glGetError() != GL_NO_ERROR; ++i) {
    }
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);   // rows of any width are tightly packed
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 image.rgba.data());
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    if (glGetError() != GL_NO_ERROR) {
        glDeleteTextures(1, &id);
        return 0;
    }
    return id;
}

unsigned TextureCache::Upload(const ImageData& pixels) const
{
    return upload ? upload(pixels) : UploadToGl(pixels);
}

static std::shared_ptr<ImageData> Decode(const std::shared_ptr<const ImageData>& image)
{
    return Guarded(
        "decoding a picture", "its box keeps the placeholder",
        [&] {
            Diagnostics ignored;   // the loader decoded these bytes once already and reported any problem
            return DecodeImage(image->encoded, image->key, std::string(), 0, &ignored);
        },
        std::shared_ptr<ImageData>());
}

Texture TextureCache::Get(const Content& content, const std::string& key)
{
    auto image = content.images.find(key);
    if (image == content.images.end() || !image->second)
        return Texture();
    const ImageData* data = image->second.get();
    if (auto found = textures_.find(data); found != textures_.end())
        return found->second.texture;
    Texture texture;
    texture.width = data->width;
    texture.height = data->height;
    if (!upload_enabled)
        return texture;

    if (!data->rgba.empty()) {           // pixels given (tests), no decoding
        texture.id = Upload(*data);
    } else {
        auto job = decoding_.find(data);
        if (job == decoding_.end()) {
            std::shared_ptr<const ImageData> encoded = image->second;
            decoding_.emplace(data, StartWorker<std::shared_ptr<ImageData>>([encoded] { return Decode(encoded); },
                                                                           on_decoded));
            texture.pending = true;
            return texture;
        }
        if (!job->second.Ready()) {
            texture.pending = true;
            return texture;
        }
        const std::shared_ptr<ImageData> pixels = job->second.get();
        decoding_.erase(job);
        if (pixels)
            texture.id = Upload(*pixels);   // the pixels are freed here, once in the texture
    }
    // Failures are cached too, so a broken picture is not retried every frame.
    textures_[data] = Cached{texture, data->digest};
    return texture;
}

Texture TextureCache::GetPixels(const ImageData& pixels)
{
    if (auto found = textures_.find(&pixels); found != textures_.end())
        return found->second.texture;
    Texture texture;
    texture.width = pixels.width;
    texture.height = pixels.height;
    if (!upload_enabled)
        return texture;
    texture.id = Upload(pixels);
    textures_[&pixels] = Cached{texture, 0};   // digest 0: never kept across a reload
    return texture;
}

void TextureCache::WaitForDecodes() const
{
    for (const auto& [image, job] : decoding_)
        job.wait();
}

} // namespace ck::ui

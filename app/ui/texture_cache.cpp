// Uploads decoded content images to GL textures, once each.
#include "ui/texture_cache.h"

#include <glad/gl.h>

namespace ck::ui {

TextureCache::~TextureCache()
{
    Clear();
}

void TextureCache::Clear()
{
    for (auto& [key, texture] : textures_) {
        // glad's pointer is null when no GL context was ever loaded (tests).
        if (texture.id != 0 && glad_glDeleteTextures) {
            GLuint id = texture.id;
            glDeleteTextures(1, &id);
        }
    }
    textures_.clear();
}

static unsigned Upload(const ImageData& image)
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

Texture TextureCache::Get(const Content& content, const std::string& key)
{
    if (auto found = textures_.find(key); found != textures_.end())
        return found->second;

    Texture texture;
    auto image = content.images.find(key);
    if (image != content.images.end() && image->second) {
        texture.width = image->second->width;
        texture.height = image->second->height;
        if (upload_enabled)
            texture.id = Upload(*image->second);
    }
    // Failures are cached too, so a broken image is not retried every frame.
    textures_[key] = texture;
    return texture;
}

} // namespace ck::ui

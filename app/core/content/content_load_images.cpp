// The loader's pictures: a page's image paths resolved inside the content
// folder, each file read and checked once (decoded, then only its bytes
// kept), the same bytes under another name sharing one picture.
#include "content/content_load_internal.h"
#include "content/image_decode.h"
#include <functional>
#include <system_error>

namespace ck {

namespace load_detail {

void Loader::ResolveImages(std::vector<Block>& blocks, const std::string& folder, const SourceFile& source)
{
    for (Block& block : blocks) {
        if (block.kind == BlockKind::Image)
            ResolveImage(block, folder, source);
        else if (block.kind == BlockKind::Video)
            ResolveVideo(block, folder, source);
        ResolveImages(block.children, folder, source);
    }
}

const DecodedImage& Loader::Decode(const fs::path& canonical, const std::string& key)
{
    auto it = decoded_.find(canonical.string());
    if (it != decoded_.end())
        return it->second;
    DecodedImage result;
    std::string bytes, error;
    if (!ReadBytes(canonical, kMaxImageBytes, &bytes, &error)) {
        result.error = "the picture \"" + key + "\" " + error;
    } else {
        Diagnostics local;
        ReadImageSize(bytes, &result.file_width, &result.file_height);
        // The same file under another name (each language's folder often has
        // its own copy of a picture) shares the pixels decoded the first time.
        if (auto same = by_bytes_.find(bytes); same != by_bytes_.end()) {
            result.image = same->second;
            return decoded_.emplace(canonical.string(), std::move(result)).first->second;
        }
        result.image = DecodeImage(bytes, key, std::string(), 0, &local);
        if (!result.image && !local.Empty())
            result.error = local.Items().front().message;
        if (result.image && decoded_bytes_ + result.image->rgba.size() > kMaxDecodedBytes) {
            result.image = nullptr;
            result.error = "the picture \"" + key + "\" is not shown: the pictures together need more than "
                           + std::to_string(kMaxDecodedBytes / (1024 * 1024))
                           + " MB of memory; use fewer or smaller pictures";
        }
        if (result.image) {
            decoded_bytes_ += result.image->rgba.size();
            auto kept = std::make_shared<ImageData>();   // the bytes, not the pixels
            kept->key = result.image->key;
            kept->width = result.image->width;
            kept->height = result.image->height;
            kept->encoded = bytes;
            kept->digest = std::hash<std::string>()(bytes) | 1;   // never 0: 0 means "not known"
            result.image = kept;
            by_bytes_.emplace(std::move(bytes), result.image);
        }
    }
    return decoded_.emplace(canonical.string(), std::move(result)).first->second;
}

void Loader::ResolveImage(Block& block, const std::string& folder, const SourceFile& source, bool content_picture)
{
    const std::string& src = block.src;
    const Place at = PlaceOf(source, src);
    const std::string key = ResolveMediaPath(src, folder, source, "picture");
    if (key.empty())
        return;
    std::error_code ec;
    const fs::path path = root_ / key;
    auto refuse = [&](const std::string& message) { diag_->Error(source.label, at.line, at.column, message); };
    const DecodedImage& decoded = Decode(fs::canonical(path, ec), key);
    if (!decoded.image)
        return refuse(decoded.error);
    block.image_key = key;
    content_->images.emplace(key, decoded.image);
    if (!content_picture)
        return;
    const std::string size = GroupDigits(size_t(decoded.file_width)) + " x " + GroupDigits(size_t(decoded.file_height));
    if (decoded.file_width > kLargePictureSide || decoded.file_height > kLargePictureSide)
        diag_->Warning(source.label, at.line, at.column,
                       "the picture \"" + src + "\" is " + size + " pixels, more than a screen can show; export it "
                           "about 2 000 pixels wide: it loads faster and takes less memory");
    else if (decoded.file_width > 0 && decoded.file_width < kColumnPx / 2)
        diag_->Warning(source.label, at.line, at.column,
                       "the picture \"" + src + "\" is only " + size + " pixels, so it shows at less than half "
                           "the width of the text; export it 1 000 to 2 000 pixels wide");
}

std::string Loader::ResolveMediaPath(const std::string& src, const std::string& folder, const SourceFile& source,
                                     const char* what)
{
    const Place at = PlaceOf(source, src);
    const std::string the = std::string("the ") + what + " \"" + src + "\"";
    auto refuse = [&](const std::string& message) {
        diag_->Error(source.label, at.line, at.column, message);
        return std::string();
    };
    if (src.empty())
        return refuse(std::string("a ") + what + " has no file name: write ![description](" + what
                      + (std::string(what) == "picture" ? ".png)" : ".mp4)"));
    if (src.find("://") != std::string::npos || src.rfind("data:", 0) == 0)
        return refuse(the + " is a web address; put the file beside the page instead");
    // ".." may step between folders of the content (a Spanish page can show
    // the English picture) but never out of it.
    const fs::path relative(src);
    const fs::path normal = (fs::path(folder) / relative).lexically_normal();
    const bool climbs = relative.is_absolute() || src[0] == '/' || src[0] == '\\' || normal.empty()
                        || *normal.begin() == "..";
    if (climbs)
        return refuse(the + " is outside the content folder; it is refused");

    std::string key = normal.generic_string();
    const fs::path path = root_ / key;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return refuse(the + " is missing (looked for " + Label(key) + ")");
    if (!InsideRoot(path))
        return refuse(the + " links to a place outside the content folder; it is refused");
    return key;
}

// kiosk.json's "logo": a picture in the content folder, checked like a
// page's, shown on Home and the idle screen at whatever size it comes.
void Loader::ResolveLogo(const std::string& kiosk_text)
{
    KioskConfig& config = content_->config;
    if (config.logo.empty())
        return;
    Block logo;
    logo.kind = BlockKind::Image;
    logo.src = config.logo;
    ResolveImage(logo, std::string(), SourceFile{Label("kiosk.json"), kiosk_text}, false);
    config.logo_image = logo.image_key;
}

} // namespace load_detail

} // namespace ck

// The loader's clips: a page's video path resolved like a picture's, the
// captions (.vtt) and poster (.jpg, .png) found beside it by name. The clip
// itself is never read here: `check` probes it, the kiosk plays it.
#include "content/content_load_internal.h"
#include "base/utf8.h"
#include <system_error>

namespace ck {

namespace load_detail {

// Over this a clip takes long to copy to the kiosk and fills its disk for a
// few minutes of video; 720p H.264 needs a tenth of it.
constexpr uintmax_t kLargeClipBytes = 200u * 1024 * 1024;

// "healing.es.vtt" beside "healing.mp4" -> "es"; "healing.vtt" -> "";
// false for any other file.
static bool CaptionLanguage(const std::string& name, const std::string& stem, std::string* lang)
{
    if (name.size() < stem.size() + 4 || name.compare(0, stem.size() + 1, stem + ".") != 0
        || ToLowerAscii(name.substr(name.size() - 4)) != ".vtt")
        return false;
    *lang = name.size() == stem.size() + 4 ? std::string() : name.substr(stem.size() + 1, name.size() - stem.size() - 5);
    return lang->find('.') == std::string::npos;
}

void Loader::LoadCaptionsAndPoster(VideoData* video)
{
    const fs::path clip(video->key);
    const std::string stem = clip.stem().string();
    const std::string dir = clip.parent_path().generic_string();
    for (const fs::directory_entry& entry : SortedEntries(root_ / dir)) {
        const std::string name = entry.path().filename().string();
        const std::string key = dir + "/" + name;
        const std::string ext = LowerExtension(entry.path());
        std::string lang;
        if (CaptionLanguage(name, stem, &lang)) {
            std::string text;
            if (!IsRegularEntry(entry) || !InsideRoot(entry.path()) || !ReadText(key, &text, kMaxCaptionBytes))
                continue;
            Captions captions = ParseWebVtt(text, Label(key), diag_);
            captions.key = key;
            video->captions.emplace(lang, std::move(captions));
        } else if (video->poster_key.empty() && entry.path().stem().string() == stem
                   && (ext == ".jpg" || ext == ".jpeg" || ext == ".png") && IsRegularEntry(entry)
                   && InsideRoot(entry.path())) {
            std::error_code ec;
            const DecodedImage& decoded = Decode(fs::canonical(entry.path(), ec), key);
            if (!decoded.image) {
                diag_->Error(Label(key), 0, 0, decoded.error + "; the clip's first frame is its poster instead");
                continue;
            }
            content_->images.emplace(key, decoded.image);
            video->poster_key = key;
        }
    }
}

void Loader::ResolveVideo(Block& block, const std::string& folder, const SourceFile& source)
{
    const std::string key = ResolveMediaPath(block.src, folder, source, "video");
    if (key.empty())
        return;
    // The same clip twice in a page: each use at its own line.
    int& after = video_lines_[source.label + '\n' + block.src];
    Place at = PlaceOf(source, block.src, after + 1);
    if (at.line == 0)
        at = PlaceOf(source, block.src);
    after = at.line;
    auto known = content_->videos.find(key);
    if (known == content_->videos.end()) {
        auto video = std::make_shared<VideoData>();
        video->key = key;
        video->path = (root_ / key).string();
        std::error_code ec;
        video->bytes = fs::file_size(root_ / key, ec);
        LoadCaptionsAndPoster(video.get());
        if (video->bytes > kLargeClipBytes)
            diag_->Warning(source.label, at.line, at.column,
                           "the video \"" + block.src + "\" is " + GroupDigits(size_t(video->bytes / (1024 * 1024)))
                               + " MB; export it at 1280 x 720 in H.264 to keep it well under 200 MB");
        known = content_->videos.emplace(key, std::move(video)).first;
    }
    block.video_key = key;
    content_->video_uses.push_back(VideoUse{key, block.src, source.label, at.line, at.column});
    block.image_key = known->second->poster_key;
    // The page's language: its folder's first part ("es/pages" -> "es").
    const std::string lang = folder.substr(0, folder.find('/'));
    if (!known->second->CaptionsFor(lang)) {
        const std::string stem = fs::path(key).stem().string();
        diag_->Warning(source.label, at.line, at.column,
                       "the video \"" + block.src + "\" has no captions: patients with the sound off or who "
                           "cannot hear miss what it says; put " + stem + ".vtt (or " + stem + "." + lang
                           + ".vtt) beside it");
    }
}

} // namespace load_detail

} // namespace ck

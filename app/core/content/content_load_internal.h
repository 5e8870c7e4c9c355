// Shared by the loader's source files only (content_load*.cpp): the Loader
// that walks the content folder for LoadContent, its size limits, and the
// directory-entry and position helpers its parts use.
#pragma once
#include "content/content.h"
#include "content/content_parse.h"
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ck {

namespace load_detail {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxTextBytes = 2u * 1024 * 1024;
// faq.json holds every question of a language in one file: 10 000 questions
// with answers and keywords come to about 4 MB, so it gets more room.
constexpr uintmax_t kMaxFaqBytes = 8u * 1024 * 1024;
constexpr uintmax_t kMaxImageBytes = 32u * 1024 * 1024;
constexpr uintmax_t kMaxCaptionBytes = 1024 * 1024;
// Decoded pixels of all pictures together (they become textures): 256 MB is
// sixteen full-size 2048 x 2048 photos, far more than a kiosk needs.
constexpr size_t kMaxDecodedBytes = 256u * 1024 * 1024;

// A text file kept while its language loads, to find the lines of links and
// pictures that the document model does not record.
struct SourceFile {
    std::string label;         // file name for diagnostics
    std::string text;
};

struct DecodedImage {
    std::shared_ptr<const ImageData> image;
    std::string error;         // why it cannot be shown, when image is null
    int file_width = 0;        // as exported, before any scaling down
    int file_height = 0;
};

// Picture sizes check warns about. The text column is about 1000 px on a
// 1080 x 1920 screen at the default text size, and a picture is drawn at
// most at its own size (times the screen's scale): one under half that is
// a thumbnail in a page; one over 4000 px costs memory and load time for
// nothing a screen can show.
constexpr int kColumnPx = 1000;
constexpr int kLargePictureSide = 4000;

class Loader {
public:
    Loader(const std::string& root, Content* content, Diagnostics* diag)
        : root_(root), content_(content), diag_(diag) {}

    bool Run();

private:
    std::string Label(const std::string& relative) const { return (root_ / relative).generic_string(); }
    bool InsideRoot(const fs::path& path) const;
    bool ReadBytes(const fs::path& path, uintmax_t limit, std::string* out, std::string* error) const;
    bool ReadText(const std::string& relative, std::string* out, uintmax_t limit = kMaxTextBytes);

    void ResolveImages(std::vector<Block>& blocks, const std::string& folder, const SourceFile& source);
    // Video blocks: the clip, its captions and poster beside it (content_load_videos.cpp).
    void ResolveVideo(Block& block, const std::string& folder, const SourceFile& source);
    void LoadCaptionsAndPoster(VideoData* video);
    // The checks a picture and a clip share: a name inside the content folder
    // that is a file; its key, or "" after reporting why not.
    std::string ResolveMediaPath(const std::string& src, const std::string& folder, const SourceFile& source,
                                 const char* what);
    // `content_picture`: a picture in a page or answer, whose size check warns about.
    void ResolveImage(Block& block, const std::string& folder, const SourceFile& source, bool content_picture = true);
    void ResolveLogo(const std::string& kiosk_text);
    const DecodedImage& Decode(const fs::path& canonical, const std::string& key);

    std::vector<std::string> ScanRoot(bool* has_kiosk_json, std::vector<std::string>* other);
    void LoadLanguages(const std::vector<std::string>& folders, const std::string& kiosk_text);
    void LoadLanguage(const std::string& lang, LanguageContent* out);
    void LoadPages(const std::string& lang, LanguageContent* out);
    void CheckLinks(const Document& doc, const std::string& lang, const SourceFile& source, int from_line);
    void CheckHomeTiles(const std::string& kiosk_text);
    void CheckPopularQuestions(const std::string& kiosk_text);
    void AttachTakeHomeCode(Page* page, const std::string& lang, const std::string& label);
    void FillClinicValues(SourceFile* source, const std::string& lang, bool json);

    void ReadIgnoreList();
    bool IsNote(const std::string& relative) const;
    // The file a missing link target was in, when that file did not load; "".
    std::string FailedFileOf(const Link& link, const std::string& lang) const;
    void ReportConsequences();

    fs::path root_;
    fs::path canonical_root_;
    Content* content_;
    Diagnostics* diag_;
    std::map<std::string, DecodedImage> decoded_;             // canonical path -> pixels or error
    std::map<std::string, std::shared_ptr<const ImageData>> by_bytes_;   // file bytes -> the picture made of them
    std::map<std::string, int> video_lines_;                 // page + clip name -> line of its last use
    size_t decoded_bytes_ = 0;                                // sum over decoded_, against kMaxDecodedBytes
    std::map<std::string, std::map<std::string, SourceFile>> page_sources_;   // lang -> page id -> file
    std::map<std::string, SourceFile> faq_sources_;          // lang -> faq.json
    std::vector<std::string> ignore_patterns_;               // .kioskignore, one glob a line
    std::map<std::string, std::map<std::string, std::string>> failed_pages_;   // lang -> id -> file
    struct Consequence {
        int links = 0;
        std::string first;                                   // "file:line" of the first link
    };
    std::map<std::string, Consequence> consequences_;        // file that did not load -> links into it
};

// ---------------------------------------------------------------------------
// Folder entries (content_load_files.cpp)
// ---------------------------------------------------------------------------

// Type tests that never throw: a link loop or a vanished file is "neither",
// and the caller reports the entry as one the kiosk does not use.
bool IsRegularEntry(const fs::directory_entry& entry);
bool IsDirectoryEntry(const fs::directory_entry& entry);
// Why an entry that looks like content cannot be read, in plain words; ""
// when its type can be read.
std::string UnreadableReason(const fs::directory_entry& entry);
// What an entry that should be a file is instead, in words; "" for a file.
std::string NotAFile(const fs::directory_entry& entry);
std::vector<fs::directory_entry> SortedEntries(const fs::path& dir);   // by path; [] when unreadable
std::string LowerExtension(const fs::path& path);                     // ".md", ".png" ...
bool IsHidden(const fs::path& path);                                  // editor and OS droppings
// Staff notes beside the content (README*, NOTES*, SOURCES*, any case): never shown, never warned about.
bool IsNoteName(const std::string& name);
// A .kioskignore line against a content-relative path: a pattern with a /
// matches the whole path, one without matches any single name in it.
bool MatchesIgnorePattern(const std::string& pattern, const std::string& relative);

// ---------------------------------------------------------------------------
// Positions in source files (content_load_files.cpp)
// ---------------------------------------------------------------------------

struct Place {
    int line = 0;
    int column = 0;
};

// The first `needle` at or after `from_line`; {0, 0} when it is not there.
Place PlaceOf(const LineIndex& lines, const std::string& needle, int from_line = 1);
// Where a link target or picture path is written: "(target" first, as in
// Markdown, else the bare text (JSON pages escape some characters).
Place PlaceOf(const SourceFile& source, const std::string& needle, int from_line = 1);

} // namespace load_detail

} // namespace ck

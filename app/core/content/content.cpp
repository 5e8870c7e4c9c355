// LoadContent: the content folder -> Content, plus diagnostics.
//
// Index
//   [SECTION] Content queries
//   [SECTION] UI strings and icons
//   [SECTION] Loader: files
//   [SECTION] Loader: images
//   [SECTION] Loader: one language
//   [SECTION] Loader: links and home tiles
//   [SECTION] LoadContent
//   [SECTION] Staff checks (translations, review dates)
#include "content/content.h"
#include "content/content_parse.h"
#include "content/image_decode.h"
#include "qr/qr.h"
#include "base/utf8.h"
#include <algorithm>
#include <filesystem>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <functional>
#include <system_error>

namespace fs = std::filesystem;

namespace ck {

//-----------------------------------------------------------------------------
// [SECTION] Content queries
//-----------------------------------------------------------------------------

const Page* LanguageContent::FindPage(const std::string& id) const
{
    for (const Page& page : pages)
        if (page.id == id)
            return &page;
    return nullptr;
}

const FaqEntry* LanguageContent::FindFaq(const std::string& id) const
{
    for (const FaqEntry& entry : faq)
        if (entry.id == id)
            return &entry;
    return nullptr;
}

const LanguageContent* Content::Language(const std::string& lang) const
{
    for (const LanguageContent& language : languages)
        if (language.lang == lang)
            return &language;
    return nullptr;
}

const Page* Content::FindPage(const std::string& lang, const std::string& id, bool* fell_back) const
{
    if (fell_back)
        *fell_back = false;
    const LanguageContent* wanted = Language(lang);
    if (wanted)
        if (const Page* page = wanted->FindPage(id))
            return page;
    const LanguageContent* fallback = Language(config.default_language);
    if (!fallback || fallback == wanted)
        return nullptr;
    const Page* page = fallback->FindPage(id);
    if (page && fell_back)
        *fell_back = true;
    return page;
}

const FaqEntry* Content::FindFaq(const std::string& lang, const std::string& id, bool* fell_back) const
{
    if (fell_back)
        *fell_back = false;
    const LanguageContent* wanted = Language(lang);
    if (wanted)
        if (const FaqEntry* entry = wanted->FindFaq(id))
            return entry;
    const LanguageContent* fallback = Language(config.default_language);
    if (!fallback || fallback == wanted)
        return nullptr;
    const FaqEntry* entry = fallback->FindFaq(id);
    if (entry && fell_back)
        *fell_back = true;
    return entry;
}

const ImageData* Content::Image(const std::string& key) const
{
    auto it = images.find(key);
    return it == images.end() ? nullptr : it->second.get();
}

std::vector<std::string> Content::HomeTiles(const std::string& lang) const
{
    const LanguageContent* wanted = Language(lang);
    const LanguageContent* fallback = Language(config.default_language);
    const bool has_faq = (wanted && !wanted->faq.empty()) || (fallback && !fallback->faq.empty());
    std::vector<std::string> tiles;
    auto add = [&](const std::string& id) {
        if (std::find(tiles.begin(), tiles.end(), id) == tiles.end())
            tiles.push_back(id);
    };
    for (const std::string& id : config.home_tiles) {
        if (id == "faq" ? has_faq : FindPage(lang, id) != nullptr)
            add(id);
    }
    // Pages not listed follow by order: this language's, then the default
    // language's pages it has no translation of.
    for (const LanguageContent* language : {wanted, fallback})
        if (language)
            for (const Page& page : language->pages)
                add(page.id);
    return tiles;
}

bool Content::IsEmpty() const
{
    for (const LanguageContent& language : languages)
        if (!language.pages.empty() || !language.faq.empty())
            return false;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] UI strings and icons
//-----------------------------------------------------------------------------

const std::vector<std::string>& KnownIcons()
{
    static const std::vector<std::string> icons = {"sparkle", "calendar", "drop",  "shield", "warning", "question",
                                                   "info",    "sun",      "clock", "heart",  "person",  "list"};
    return icons;
}

std::string UiString(const Content& content, const std::string& lang, const std::string& key)
{
    for (const std::string& code : {lang, content.config.default_language}) {
        if (const LanguageContent* language = content.Language(code)) {
            auto it = language->ui.find(key);
            if (it != language->ui.end())
                return it->second;
        }
    }
    auto it = DefaultUiStrings().find(key);
    return it != DefaultUiStrings().end() ? it->second : key;
}

std::string FormatUiString(std::string text, const std::map<std::string, std::string>& args)
{
    for (const auto& [name, value] : args) {
        const std::string placeholder = "{" + name + "}";
        for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}

//-----------------------------------------------------------------------------
// [SECTION] Loader: files
//-----------------------------------------------------------------------------

namespace {

constexpr uintmax_t kMaxTextBytes = 2u * 1024 * 1024;
// faq.json holds every question of a language in one file: 10 000 questions
// with answers and keywords come to about 4 MB, so it gets more room.
constexpr uintmax_t kMaxFaqBytes = 8u * 1024 * 1024;
constexpr uintmax_t kMaxImageBytes = 32u * 1024 * 1024;
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
};

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
    void ResolveImage(Block& block, const std::string& folder, const SourceFile& source);
    const DecodedImage& Decode(const fs::path& canonical, const std::string& key);

    std::vector<std::string> ScanRoot(bool* has_kiosk_json);
    void LoadLanguages(const std::vector<std::string>& folders, const std::string& kiosk_text);
    void LoadLanguage(const std::string& lang, LanguageContent* out);
    void LoadPages(const std::string& lang, LanguageContent* out);
    void CheckLinks(const Document& doc, const std::string& lang, const SourceFile& source, int from_line);
    void CheckHomeTiles(const std::string& kiosk_text);
    void AttachTakeHomeCode(Page* page, const std::string& lang, const std::string& label);

    fs::path root_;
    fs::path canonical_root_;
    Content* content_;
    Diagnostics* diag_;
    std::map<std::string, DecodedImage> decoded_;             // canonical path -> pixels or error
    std::map<std::string, std::shared_ptr<const ImageData>> by_bytes_;   // file bytes -> the picture made of them
    size_t decoded_bytes_ = 0;                                // sum over decoded_, against kMaxDecodedBytes
    std::map<std::string, std::map<std::string, SourceFile>> page_sources_;   // lang -> page id -> file
    std::map<std::string, SourceFile> faq_sources_;          // lang -> faq.json
};

// Type tests that never throw: a link loop or a vanished file is "neither",
// and the caller reports the entry as one the kiosk does not use.
bool IsRegularEntry(const fs::directory_entry& entry)
{
    std::error_code ec;
    return entry.is_regular_file(ec) && !ec;
}

bool IsDirectoryEntry(const fs::directory_entry& entry)
{
    std::error_code ec;
    return entry.is_directory(ec) && !ec;
}

// Why an entry that looks like content cannot be read, in plain words; ""
// when its type can be read.
std::string UnreadableReason(const fs::directory_entry& entry)
{
    std::error_code ec;
    (void)entry.status(ec);
    if (!ec)
        return std::string();
    if (ec == std::errc::too_many_symbolic_link_levels)
        return "this link points to itself or to a loop of links, so the kiosk skips it";
    return "the kiosk cannot read this (" + ec.message() + ") and skips it";
}

// What an entry that should be a file is instead, in words; "" for a file.
std::string NotAFile(const fs::directory_entry& entry)
{
    std::error_code ec;
    const fs::file_status status = entry.status(ec);
    if (ec || status.type() == fs::file_type::regular)
        return std::string();
    if (status.type() == fs::file_type::directory)
        return "this is a folder, not a file, so the kiosk skips it";
    return "this is not a regular file (a pipe, socket or device), so the kiosk skips it";
}

std::vector<fs::directory_entry> SortedEntries(const fs::path& dir)
{
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        entries.push_back(*it);
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    return entries;
}

std::string LowerExtension(const fs::path& path)
{
    return ToLowerAscii(path.extension().string());
}

bool IsHidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return !name.empty() && (name[0] == '.' || name.back() == '~');   // editor and OS droppings
}

} // namespace

bool Loader::InsideRoot(const fs::path& path) const
{
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    if (ec)
        return false;
    const fs::path relative = canonical.lexically_relative(canonical_root_);
    return !relative.empty() && *relative.begin() != "..";
}

// One open, then everything from the descriptor: a file swapped for a pipe
// after the listing cannot block the loader (O_NONBLOCK, then fstat says
// what it is), and a file growing while it is read is taken at the size it
// had when opened.
bool Loader::ReadBytes(const fs::path& path, uintmax_t limit, std::string* out, std::string* error) const
{
    auto because = [error](const char* what, int code) {
        std::string reason = std::strerror(code);
        if (!reason.empty())
            reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
        *error = std::string(what) + " (" + reason + ")";
        return false;
    };
    const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return because("cannot be read", errno);
    struct stat info;
    if (fstat(fd, &info) != 0) {
        const int code = errno;
        close(fd);
        return because("cannot be read", code);
    }
    if (!S_ISREG(info.st_mode)) {
        close(fd);
        *error = S_ISDIR(info.st_mode) ? "is a folder, not a file" : "is not a regular file (a pipe, socket or device)";
        return false;
    }
    const uintmax_t size = static_cast<uintmax_t>(info.st_size);
    if (size > limit) {
        close(fd);
        *error = "is larger than " + std::to_string(limit / (1024 * 1024)) + " MB";
        return false;
    }
    out->assign(static_cast<size_t>(size), '\0');
    size_t done = 0;
    while (done < out->size()) {
        const ssize_t n = read(fd, out->data() + done, out->size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int code = errno;
            close(fd);
            return because("cannot be read", code);
        }
        if (n == 0)
            break;   // shrank while being read: what is there
        done += static_cast<size_t>(n);
    }
    out->resize(done);
    close(fd);
    return true;
}

// Reads a text file of the content folder: size limit, inside the folder,
// invalid UTF-8 reported and replaced.
bool Loader::ReadText(const std::string& relative, std::string* out, uintmax_t limit)
{
    const std::string label = Label(relative);
    const fs::path path = root_ / relative;
    if (!InsideRoot(path)) {
        diag_->Error(label, 0, 0, "this file links to a place outside the content folder; it is skipped");
        return false;
    }
    std::string error;
    if (!ReadBytes(path, limit, out, &error)) {
        diag_->Error(label, 0, 0, "the file " + error + "; it is skipped");
        return false;
    }
    size_t bad = 0;
    if (!IsValidUtf8(*out, &bad)) {
        LineIndex lines(*out);
        diag_->Warning(label, lines.Line(bad), lines.Column(bad),
                       "the file is not valid UTF-8 text; save it as UTF-8. Unreadable characters are shown as \xEF\xBF\xBD");
        *out = SanitizeUtf8(*out);
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Loader: images
//-----------------------------------------------------------------------------

namespace {

struct Place {
    int line = 0;
    int column = 0;
};

Place PlaceOf(const LineIndex& lines, const std::string& needle, int from_line = 1)
{
    const size_t at = lines.Find(needle, from_line);
    return at == std::string_view::npos ? Place{} : Place{lines.Line(at), lines.Column(at)};
}

// Where a link target or picture path is written: "(target" first, as in
// Markdown, else the bare text (JSON pages escape some characters).
Place PlaceOf(const SourceFile& source, const std::string& needle, int from_line = 1)
{
    const LineIndex lines(source.text);
    if (lines.Find("(" + needle, from_line) != std::string_view::npos) {
        Place place = PlaceOf(lines, "(" + needle, from_line);
        place.column++;
        return place;
    }
    return PlaceOf(lines, needle, from_line);
}

} // namespace

void Loader::ResolveImages(std::vector<Block>& blocks, const std::string& folder, const SourceFile& source)
{
    for (Block& block : blocks) {
        if (block.kind == BlockKind::Image)
            ResolveImage(block, folder, source);
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

void Loader::ResolveImage(Block& block, const std::string& folder, const SourceFile& source)
{
    const std::string& src = block.src;
    const Place at = PlaceOf(source, src);
    auto refuse = [&](const std::string& message) { diag_->Error(source.label, at.line, at.column, message); };

    if (src.empty())
        return refuse("a picture has no file name: write ![description](picture.png)");
    if (src.find("://") != std::string::npos || src.rfind("data:", 0) == 0)
        return refuse("the picture \"" + src + "\" is a web address; put the file beside the page instead");
    // ".." may step between folders of the content (a Spanish page can show
    // the English picture) but never out of it.
    const fs::path relative(src);
    const fs::path normal = (fs::path(folder) / relative).lexically_normal();
    const bool climbs = relative.is_absolute() || src[0] == '/' || src[0] == '\\' || normal.empty()
                        || *normal.begin() == "..";
    if (climbs)
        return refuse("the picture \"" + src + "\" is outside the content folder; it is refused");

    const std::string key = normal.generic_string();
    const fs::path path = root_ / key;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return refuse("the picture \"" + src + "\" is missing (looked for " + Label(key) + ")");
    if (!InsideRoot(path))
        return refuse("the picture \"" + src + "\" links to a place outside the content folder; it is refused");

    const DecodedImage& decoded = Decode(fs::canonical(path, ec), key);
    if (!decoded.image)
        return refuse(decoded.error);
    block.image_key = key;
    content_->images.emplace(key, decoded.image);
}

//-----------------------------------------------------------------------------
// [SECTION] Loader: one language
//-----------------------------------------------------------------------------

void Loader::LoadPages(const std::string& lang, LanguageContent* out)
{
    const std::string folder = lang + "/pages";
    std::map<std::string, std::string> seen;   // page id -> file that defined it
    for (const fs::directory_entry& entry : SortedEntries(root_ / folder)) {
        const fs::path& path = entry.path();
        const std::string relative = folder + "/" + path.filename().string();
        const std::string ext = LowerExtension(path);
        if (IsHidden(path) || ext == ".png" || ext == ".jpg" || ext == ".jpeg")
            continue;
        if (const std::string reason = UnreadableReason(entry); !reason.empty()) {
            diag_->Warning(Label(relative), 0, 0, reason);
            continue;
        }
        if (ext == ".md" || ext == ".json")
            if (const std::string what = NotAFile(entry); !what.empty()) {
                diag_->Warning(Label(relative), 0, 0, what);
                continue;
            }
        if ((ext != ".md" && ext != ".json") || !IsRegularEntry(entry)) {
            diag_->Warning(Label(relative), 0, 0,
                           "the kiosk ignores this: pages end in .md or .json, pictures in .png or .jpg");
            continue;
        }
        const std::string id = path.stem().string();
        if (seen.count(id)) {
            diag_->Error(Label(relative), 0, 0, "another page already has the id \"" + id + "\" ("
                                                    + Label(seen[id]) + "); this file is skipped");
            continue;
        }
        SourceFile source{Label(relative), {}};
        if (!ReadText(relative, &source.text))
            continue;
        std::optional<Page> page = ext == ".md" ? ParseMarkdownPage(source.text, id, source.label, diag_)
                                                : ParseJsonPage(source.text, id, source.label, diag_);
        if (!page)
            continue;
        seen[id] = relative;
        page->source = relative;
        ResolveImages(page->doc.blocks, folder, source);
        AttachTakeHomeCode(&*page, lang, source.label);
        out->pages.push_back(std::move(*page));
        page_sources_[lang][id] = std::move(source);
    }
    std::stable_sort(out->pages.begin(), out->pages.end(), [](const Page& a, const Page& b) {
        return a.order != b.order ? a.order < b.order : a.title != b.title ? a.title < b.title : a.id < b.id;
    });
}

// The page's "Scan to read this at home" code, encoded here once so drawing
// never does: its own `link:`, else kiosk.json's page_url filled in.
void Loader::AttachTakeHomeCode(Page* page, const std::string& lang, const std::string& label)
{
    const std::string& pattern = content_->config.page_url;
    if (!page->link_given && !pattern.empty()) {
        const std::string url = FillPageUrl(pattern, lang, page->id);
        const std::string problem = QrUrlProblem(url);
        if (problem.empty())
            page->link = url;
        else
            diag_->Warning(label, 0, 0, "the address made from \"page_url\" in kiosk.json for this page: " + problem
                                            + "; the page shows no QR code (give it its own \"link:\")");
    }
    if (!page->link.empty())
        page->link_qr = EncodeQr(page->link);
}

void Loader::LoadLanguage(const std::string& lang, LanguageContent* out)
{
    out->lang = lang;
    for (const fs::directory_entry& entry : SortedEntries(root_ / lang)) {
        const std::string name = entry.path().filename().string();
        const std::string relative = lang + "/" + name;
        if (IsHidden(entry.path()))
            continue;
        if (const std::string reason = UnreadableReason(entry); !reason.empty()) {
            diag_->Warning(Label(relative), 0, 0, reason);
            continue;
        }
        if (name == "pages" && IsDirectoryEntry(entry)) {
            LoadPages(lang, out);
            continue;
        }
        const bool known = name == "faq.json" || name == "synonyms.json" || name == "ui.json";
        if (known)
            if (const std::string what = NotAFile(entry); !what.empty()) {
                diag_->Warning(Label(relative), 0, 0, what);
                continue;
            }
        if (!known || !IsRegularEntry(entry)) {
            diag_->Warning(Label(relative), 0, 0,
                           "the kiosk ignores this: a language folder holds pages/, faq.json, synonyms.json "
                           "and ui.json");
            continue;
        }
        SourceFile source{Label(relative), {}};
        if (!ReadText(relative, &source.text, name == "faq.json" ? kMaxFaqBytes : kMaxTextBytes))
            continue;
        if (name == "faq.json") {
            out->faq = ParseFaq(source.text, source.label, diag_);
            for (FaqEntry& faq : out->faq)
                ResolveImages(faq.answer.blocks, lang, source);
            faq_sources_[lang] = std::move(source);
        } else if (name == "synonyms.json") {
            out->synonyms = ParseSynonyms(source.text, source.label, diag_);
        } else {
            out->ui = ParseUiStrings(source.text, source.label, diag_);
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Loader: links and home tiles
//-----------------------------------------------------------------------------

void Loader::CheckLinks(const Document& doc, const std::string& lang, const SourceFile& source, int from_line)
{
    for (const Link& link : doc.links) {
        std::string problem;
        if (link.kind == LinkKind::Page && !content_->FindPage(lang, link.target)) {
            problem = "the link \"" + link.href + "\" goes to a page \"" + link.target + "\" that does not exist";
        } else if (link.kind == LinkKind::Faq && !link.target.empty() && !content_->FindFaq(lang, link.target)) {
            problem = "the link \"" + link.href + "\" goes to a question \"" + link.target + "\" that does not exist";
        } else if (link.kind == LinkKind::Invalid) {
            problem = "the link \"" + link.href + "\" cannot be opened on the kiosk; link to a page id such as "
                      "\"aftercare\" or to a question such as \"faq#does-it-hurt\"";
        }
        if (!problem.empty()) {
            const Place at = PlaceOf(source, link.href, from_line);
            diag_->Warning(source.label, at.line, at.column, problem);
        }
    }
}

void Loader::CheckHomeTiles(const std::string& kiosk_text)
{
    const std::string default_lang = content_->config.default_language;
    const LineIndex lines(kiosk_text);
    for (const std::string& id : content_->config.home_tiles) {
        if (id == "faq" || content_->FindPage(default_lang, id))
            continue;
        const Place at = PlaceOf(lines, "\"" + id + "\"");
        diag_->Warning(Label("kiosk.json"), at.line, at.column,
                       "\"home_tiles\" lists \"" + id + "\", but there is no page with that id in \"" + default_lang
                           + "\"");
    }
}

//-----------------------------------------------------------------------------
// [SECTION] LoadContent
//-----------------------------------------------------------------------------

// Lists the language folders and reports anything else at the top level.
std::vector<std::string> Loader::ScanRoot(bool* has_kiosk_json)
{
    std::vector<std::string> folders;
    *has_kiosk_json = false;
    for (const fs::directory_entry& entry : SortedEntries(root_)) {
        const std::string name = entry.path().filename().string();
        if (IsHidden(entry.path()))
            continue;
        if (const std::string reason = UnreadableReason(entry); !reason.empty())
            diag_->Warning(Label(name), 0, 0, reason);
        else if (name == "kiosk.json" && IsRegularEntry(entry))
            *has_kiosk_json = true;
        else if (IsDirectoryEntry(entry) && IsLanguageTag(name))
            folders.push_back(name);
        else
            diag_->Warning(Label(name), 0, 0, "the kiosk ignores this: the content folder holds kiosk.json "
                                              "and one folder per language (en, es ...)");
    }
    return folders;
}

// Loads the languages kiosk.json lists (or every folder without a list) and
// leaves config.languages naming only those that loaded.
void Loader::LoadLanguages(const std::vector<std::string>& folders, const std::string& kiosk_text)
{
    KioskConfig& config = content_->config;
    if (config.languages.empty())
        config.languages = folders;
    const LineIndex kiosk_lines(kiosk_text);
    for (const std::string& lang : config.languages) {
        if (std::find(folders.begin(), folders.end(), lang) == folders.end()) {
            const Place at = PlaceOf(kiosk_lines, "\"" + lang + "\"");
            diag_->Error(Label("kiosk.json"), at.line, at.column,
                         "the language \"" + lang + "\" is listed, but there is no folder " + Label(lang));
            continue;
        }
        content_->languages.emplace_back();
        LoadLanguage(lang, &content_->languages.back());
    }
    for (const std::string& lang : folders)
        if (std::find(config.languages.begin(), config.languages.end(), lang) == config.languages.end())
            diag_->Warning(Label(lang), 0, 0,
                           "this language is not in \"languages\" in kiosk.json, so it is not offered");
    config.languages.clear();
    for (const LanguageContent& language : content_->languages)
        config.languages.push_back(language.lang);
    if (!content_->Language(config.default_language) && !content_->languages.empty())
        config.default_language = content_->languages.front().lang;
}

bool Loader::Run()
{
    std::error_code ec;
    const std::string root_label = root_.generic_string();
    if (!fs::is_directory(root_, ec)) {
        const bool exists = fs::exists(root_, ec);
        diag_->Error(root_label, 0, 0,
                     "the content folder \"" + root_label + (exists ? "\" is not a folder" : "\" does not exist")
                         + ": copy the content folder there, or start the kiosk with --content set to where it is");
        return false;
    }
    canonical_root_ = fs::canonical(root_, ec);

    bool has_kiosk_json = false;
    const std::vector<std::string> folders = ScanRoot(&has_kiosk_json);
    std::string kiosk_text;
    if (has_kiosk_json && ReadText("kiosk.json", &kiosk_text)) {
        content_->config = ParseKioskConfig(kiosk_text, Label("kiosk.json"), diag_);
    } else {
        if (!has_kiosk_json)
            diag_->Warning(Label("kiosk.json"), 0, 0, "there is no kiosk.json; using default settings");
        content_->config.languages.clear();
    }
    LoadLanguages(folders, kiosk_text);

    // Links are checked once every language is in, so fallbacks count.
    for (const LanguageContent& language : content_->languages) {
        for (const Page& page : language.pages)
            CheckLinks(page.doc, language.lang, page_sources_[language.lang][page.id], 1);
        for (const FaqEntry& entry : language.faq)
            CheckLinks(entry.answer, language.lang, faq_sources_[language.lang], entry.line);
    }
    if (has_kiosk_json)
        CheckHomeTiles(kiosk_text);
    return true;
}

LoadResult LoadContent(const std::string& root)
{
    auto content = std::make_shared<Content>();
    content->root = root;
    LoadResult result;
    Loader loader(root, content.get(), &result.diagnostics);
    if (loader.Run() && content->IsEmpty())
        result.diagnostics.Error(fs::path(root).generic_string(), 0, 0,
                                 "there is nothing to show patients: add a language folder such as "
                                 + (fs::path(root) / "en" / "pages").generic_string()
                                 + " with at least one page, or a faq.json (see CONTENT.md)");
    result.content = std::move(content);
    return result;
}

//-----------------------------------------------------------------------------
// [SECTION] Staff checks (translations, review dates)
//-----------------------------------------------------------------------------

void CheckTranslations(const Content& content, Diagnostics* diag)
{
    const LanguageContent* base = content.Language(content.config.default_language);
    if (!base)
        return;
    const fs::path root(content.root);
    for (const LanguageContent& language : content.languages) {
        if (&language == base)
            continue;
        for (const Page& page : base->pages)
            if (!language.FindPage(page.id))
                diag->Warning((root / language.lang / "pages").generic_string(), 0, 0,
                              "the page \"" + page.id + "\" has no \"" + language.lang + "\" version; patients see the \""
                                  + base->lang + "\" one");
        for (const FaqEntry& entry : base->faq)
            if (!language.FindFaq(entry.id))
                diag->Warning((root / language.lang / "faq.json").generic_string(), 0, 0,
                              "the question \"" + entry.id + "\" has no \"" + language.lang
                                  + "\" version; patients see the \"" + base->lang + "\" one");
    }
}

// Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian calendar).
static long DaysSinceEpoch(const std::string& date)
{
    int year = std::stoi(date.substr(0, 4));
    const int month = std::stoi(date.substr(5, 2));
    const int day = std::stoi(date.substr(8, 2));
    year -= month <= 2 ? 1 : 0;
    const int era = year / 400;
    const int year_of_era = year - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<long>(era) * 146097 + day_of_era - 719468;
}

void CheckReviewDates(const Content& content, const std::string& today, Diagnostics* diag)
{
    if (!IsIsoDate(today))
        return;
    const long now = DaysSinceEpoch(today);
    const int period = content.config.review_period_days;
    for (const LanguageContent& language : content.languages)
        for (const Page& page : language.pages)
            if (!page.reviewed.empty() && now - DaysSinceEpoch(page.reviewed) > period)
                diag->Warning((fs::path(content.root) / page.source).generic_string(), 0, 0,
                              "the page was last reviewed on " + page.reviewed + ", more than "
                                  + std::to_string(period) + " days ago: check it and update \"reviewed\"");
}

} // namespace ck

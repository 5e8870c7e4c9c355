// The loader's file access: listing folders without throwing, reading a
// file safely whatever it turns out to be, and finding where something is
// written in a source file for a diagnostic.
#include "content/content_load_internal.h"
#include "base/utf8.h"
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>
#include <system_error>

namespace ck {

namespace load_detail {

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

bool IsNoteName(const std::string& name)
{
    for (const char* pattern : {"README*", "NOTES*", "SOURCES*"})
        if (fnmatch(pattern, name.c_str(), FNM_CASEFOLD) == 0)
            return true;
    return false;
}

bool MatchesIgnorePattern(const std::string& pattern, const std::string& relative)
{
    std::string glob = pattern;
    if (!glob.empty() && glob.back() == '/')
        glob.pop_back();   // "drafts/": the folder, and so everything in it
    if (glob.empty())
        return false;
    if (glob.find('/') != std::string::npos) {
        if (glob.front() == '/')
            glob.erase(0, 1);
        return fnmatch(glob.c_str(), relative.c_str(), FNM_PATHNAME) == 0;
    }
    for (const fs::path& part : fs::path(relative))
        if (fnmatch(glob.c_str(), part.string().c_str(), 0) == 0)
            return true;
    return false;
}

void Loader::ReadIgnoreList()
{
    std::error_code ec;
    if (!fs::exists(root_ / ".kioskignore", ec))
        return;
    std::string text;
    if (!ReadText(".kioskignore", &text, kMaxTextBytes))
        return;
    for (std::string_view line : SplitLines(text)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        const size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#')
            continue;
        ignore_patterns_.emplace_back(line.substr(first));
    }
}

bool Loader::IsNote(const std::string& relative) const
{
    if (IsNoteName(fs::path(relative).filename().string()))
        return true;
    for (const std::string& pattern : ignore_patterns_)
        if (MatchesIgnorePattern(pattern, relative))
            return true;
    return false;
}

Place PlaceOf(const LineIndex& lines, const std::string& needle, int from_line)
{
    const size_t at = lines.Find(needle, from_line);
    return at == std::string_view::npos ? Place{} : Place{lines.Line(at), lines.Column(at)};
}

Place PlaceOf(const SourceFile& source, const std::string& needle, int from_line)
{
    const LineIndex lines(source.text);
    if (lines.Find("(" + needle, from_line) != std::string_view::npos) {
        Place place = PlaceOf(lines, "(" + needle, from_line);
        place.column++;
        return place;
    }
    return PlaceOf(lines, needle, from_line);
}

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


} // namespace load_detail

} // namespace ck

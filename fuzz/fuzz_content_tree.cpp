// A whole content folder from the input bytes: files, folders, links (loops,
// links out of the folder, to devices), FIFOs and odd names, then the loader
// and every diagnostic it writes. The tree lives in one scratch folder of
// this process, emptied before each input.
//
// Input: a list of operations, each one byte of kind and bytes of operands:
//   0 file   (folder, name, length byte, that many bytes of text)
//   1 folder (folder, name)
//   2 link   (folder, name, target)
//   3 FIFO   (folder, name)
#include "content/content.h"
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// Folders and names the loader looks for, and some it must survive. The
// tree is made inside the scratch folder only: no name holds "/" or "..",
// nothing is ever created through a link (see Place), and what already
// stands at a name is removed first, so a link to /etc/hostname is replaced,
// never written through, and a FIFO is never opened. Links may point
// anywhere: only the loader follows them.
const char* const kFolders[] = {"", "en", "es", "en/pages", "es/pages", "en/pages/sub", "xx"};
const char* const kNames[] = {
    "kiosk.json", "faq.json", "synonyms.json", "ui.json", "pages", "a.md", "b.md", "c.json", "p.png",
    "q.jpg", "en", "es", "page.md", "\xff\xfe.md", "README.md", ".hidden.md", "x y.md", "NOTES",
};
const char* const kTargets[] = {
    ".", "..", "../..", "/", "/dev/zero", "/dev/null", "/etc/hostname", "a.md", "b.md", "pages", "faq.json",
    "../en", "../../outside", "missing.md", "p.png", "kiosk.json",
};

template <size_t N>
const char* Pick(const char* const (&list)[N], uint8_t byte)
{
    return list[byte % N];
}

struct Reader {
    const uint8_t* data;
    size_t size;
    size_t at = 0;
    bool Done() const { return at >= size; }
    uint8_t Byte() { return at < size ? data[at++] : 0; }
};

// Makes `folder` (relative to `content`) as real directories and returns
// where an entry named `name` may be made in it; "" when a component is a
// link or a file, so nothing lands outside the scratch folder.
fs::path Place(const fs::path& content, const char* folder, const char* name)
{
    std::error_code ec;
    fs::path path = content;
    for (const fs::path& part : fs::path(folder)) {
        path /= part;
        const fs::file_status status = fs::symlink_status(path, ec);
        if (status.type() == fs::file_type::not_found)
            fs::create_directory(path, ec);
        else if (status.type() != fs::file_type::directory)
            return fs::path();
        if (ec)
            return fs::path();
    }
    path /= name;
    const fs::file_status status = fs::symlink_status(path, ec);
    if (status.type() == fs::file_type::directory)
        fs::remove_all(path, ec);   // a real folder: remove_all never follows links
    else if (status.type() != fs::file_type::not_found)
        fs::remove(path, ec);       // a file, link or FIFO: the entry itself
    return ec ? fs::path() : path;
}

fs::path Scratch()
{
    static const fs::path root = fs::temp_directory_path() / ("carekiosk-fuzz-tree-" + std::to_string(getpid()));
    return root;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const fs::path root = Scratch();
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::create_directories(root / "content", ec);
    fs::create_directories(root / "outside", ec);
    const fs::path content = root / "content";
    Reader in{data, size};
    for (int op = 0; op < 48 && !in.Done(); op++) {
        const uint8_t kind = in.Byte() % 4;
        const char* folder = Pick(kFolders, in.Byte());
        const char* name = Pick(kNames, in.Byte());
        const fs::path path = Place(content, folder, name);
        if (path.empty()) {
            in.Byte();   // keep the operands of the skipped operation in step
            continue;
        }
        switch (kind) {
        case 0: {
            const size_t length = std::min<size_t>(in.Byte() * 8u, in.size - in.at);
            // O_EXCL | O_NOFOLLOW: Place removed what stood here; refuse anything else.
            const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
            if (fd >= 0) {
                (void)!write(fd, in.data + in.at, length);
                close(fd);
            }
            in.at += length;
            break;
        }
        case 1: fs::create_directory(path, ec); break;
        case 2: fs::create_symlink(Pick(kTargets, in.Byte()), path, ec); break;
        case 3: mkfifo(path.c_str(), 0600); break;
        }
    }
    const ck::LoadResult result = ck::LoadContent(content.string());
    for (const ck::Diagnostic& d : result.diagnostics.Items())
        (void)ck::FormatDiagnostic(d);
    return 0;
}

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
#include "core/content.h"
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// Folders and names the loader looks for, and some it must survive. No name
// holds "/" or "..": the tree is made inside the scratch folder only (links
// may point anywhere; creating them follows nothing).
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
        const fs::path folder = content / Pick(kFolders, in.Byte());
        const fs::path path = folder / Pick(kNames, in.Byte());
        fs::create_directories(folder, ec);
        switch (kind) {
        case 0: {
            const size_t length = std::min<size_t>(in.Byte() * 8u, in.size - in.at);
            std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(in.data + in.at),
                                                        static_cast<std::streamsize>(length));
            in.at += length;
            break;
        }
        case 1: fs::create_directories(path, ec); break;
        case 2: fs::create_symlink(Pick(kTargets, in.Byte()), path, ec); break;
        case 3: mkfifo(path.c_str(), 0600); break;
        }
    }
    const ck::LoadResult result = ck::LoadContent(content.string());
    for (const ck::Diagnostic& d : result.diagnostics.Items())
        (void)ck::FormatDiagnostic(d);
    return 0;
}

// Start-up content loading. See kiosk_content.h.
#include "kiosk_content.h"

#include "base/guard.h"
#include "fonts/font_coverage.h"
#include <cstdio>
#include <sys/stat.h>

namespace ck {

static bool ContentFolderExists(const std::string& dir)
{
    struct stat info;
    if (stat(dir.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        return true;
    std::fprintf(stderr, "carekiosk: content folder '%s' not found (use --content DIR)\n", dir.c_str());
    return false;
}

std::shared_ptr<const Content> LoadKioskContent(const std::string& dir, Diagnostics* diagnostics)
{
    if (!ContentFolderExists(dir))
        return nullptr;
    LoadResult loaded = LoadContent(dir);
    PrintDiagnostics(loaded.diagnostics, stderr);
    if (diagnostics)
        diagnostics->Append(loaded.diagnostics);
    if (loaded.content->IsEmpty())
        std::fprintf(stderr,
                     "carekiosk: '%s' has no pages to show; patients see \"Information is being updated\".\n"
                     "carekiosk: add kiosk.json and <language>/pages/*.md (see CONTENT.md), then run "
                     "'carekiosk check --content %s'.\n",
                     dir.c_str(), dir.c_str());
    return loaded.content;
}

static LoadedKioskContent LoadKioskContentNow(const std::string& dir, std::shared_future<int> short_side)
{
    LoadedKioskContent loaded;
    loaded.content = LoadKioskContent(dir, &loaded.diagnostics);
    const int side = short_side.valid() ? short_side.get() : 0;
    if (loaded.content && side > 0) {
        PrepareFonts(*loaded.content, side, &loaded.fonts);
    } else {
        // fontconfig parses its XML configuration on first use (~25 M
        // instructions); an empty plan does just that, off the main thread.
        ui::FontPaths paths;
        if (ui::FontPaths::Find(&paths, nullptr))
            PlanFallbacks(paths.regular, {});
    }
    return loaded;
}

std::future<LoadedKioskContent> LoadKioskContentAsync(const std::string& dir, std::shared_future<int> short_side)
{
    if (!ContentFolderExists(dir))
        return {};
    return std::async(std::launch::async, [dir, short_side] {
        return Guarded("loading the content", "the screen says the information is being updated",
                       [&] { return LoadKioskContentNow(dir, short_side); }, LoadedKioskContent());
    });
}

} // namespace ck

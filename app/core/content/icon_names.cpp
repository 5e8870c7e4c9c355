// The icon font's names, read from its SCSS map. See icon_names.h.
#include "content/icon_names.h"
#include "content/content_parse.h"
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

namespace ck {

namespace {

std::string IconDir(const char* debian_dir)
{
    const char* dir = std::getenv("CAREKIOSK_ICON_DIR");
    return dir && *dir ? std::string(dir) : std::string(debian_dir);
}

// The kiosk's first icon names, kept working: each is a Material name now.
constexpr IconAlias kAliases[] = {
    {"sparkle", "auto_awesome"}, {"calendar", "calendar_today"}, {"drop", "water_drop"},
    {"question", "help"},        {"sun", "wb_sunny"},             {"clock", "schedule"},
    {"heart", "favorite"},
};

// Lines of the form `	"healing": e3f3,` in the SCSS map.
std::vector<IconName> ReadNames(const std::string& path)
{
    std::vector<IconName> names;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const size_t open = line.find('"');
        const size_t close = open == std::string::npos ? open : line.find('"', open + 1);
        const size_t colon = close == std::string::npos ? close : line.find(':', close);
        if (colon == std::string::npos)
            continue;
        const unsigned long code = std::strtoul(line.c_str() + colon + 1, nullptr, 16);
        if (code == 0 || code > 0xFFFF)   // the atlas holds 16-bit characters
            continue;
        names.push_back(IconName{line.substr(open + 1, close - open - 1), static_cast<char32_t>(code)});
    }
    std::sort(names.begin(), names.end(), [](const IconName& a, const IconName& b) { return a.name < b.name; });
    names.erase(std::unique(names.begin(), names.end(),
                            [](const IconName& a, const IconName& b) { return a.name == b.name; }),
                names.end());
    return names;
}

} // namespace

std::string IconFontPath()
{
    return IconDir("/usr/share/fonts/truetype/material-design-icons-iconfont") + "/MaterialIcons-Regular.ttf";
}

std::string IconNamesPath()
{
    return IconDir("/usr/share/fonts-material-design-icons-iconfont/scss") + "/_variables.scss";
}

const std::vector<IconName>& IconNames()
{
    static const std::vector<IconName> names = ReadNames(IconNamesPath());
    return names;
}

char32_t IconCodepoint(std::string_view name)
{
    for (const IconAlias& alias : kAliases)
        if (name == alias.alias)
            name = alias.name;
    const std::vector<IconName>& names = IconNames();
    auto it = std::lower_bound(names.begin(), names.end(), name,
                               [](const IconName& a, std::string_view b) { return a.name < b; });
    return it != names.end() && it->name == name ? it->codepoint : 0;
}

std::vector<std::string> NearestIconNames(std::string_view typo, size_t count)
{
    std::vector<std::tuple<int, int, std::string>> scored;   // best match, whole-name distance, name
    auto score = [&](const std::string& name) {
        // Letters to change, against the name or against one of its words
        // onward, whole or its start ("calender" is one letter from the start
        // of "calendar_today", "hospitl" from "hospital" in "local_hospital");
        // counted twice so that a match from the name's own start wins a tie.
        const int whole = EditDistance(typo, name);
        int best = 2 * whole;
        for (size_t start = 0; start < name.size(); start = name.find('_', start) + 1) {
            const std::string_view rest = std::string_view(name).substr(start);
            int distance = EditDistance(typo, rest);
            if (rest.size() > typo.size())
                distance = std::min(distance, EditDistance(typo, rest.substr(0, typo.size())));
            best = std::min(best, 2 * distance + (start == 0 ? 0 : 1));
            if (name.find('_', start) == std::string::npos)
                break;
        }
        scored.emplace_back(best, whole, name);
    };
    for (const IconName& icon : IconNames())
        score(icon.name);
    for (const IconAlias& alias : kAliases)
        score(alias.alias);
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> nearest;
    for (size_t i = 0; i < scored.size() && nearest.size() < count; i++)
        nearest.push_back(std::get<2>(scored[i]));
    return nearest;
}

} // namespace ck

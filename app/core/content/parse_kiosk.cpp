// kiosk.json: the clinic's settings. Every value is checked against its
// range and a bad one keeps the default, so a typo never stops the kiosk.
#include "content/content_parse_internal.h"
#include <algorithm>

namespace ck {
using namespace parse_detail;

static bool ReadInt(const JsonReader& r, const json& root, const char* key, int low, int high, int* out)
{
    auto it = root.find(key);
    if (it == root.end())
        return false;
    const std::string pointer = std::string("/") + key;
    if (!it->is_number_integer()) {
        r.Error(pointer, Quote(key) + " must be a whole number; using " + std::to_string(*out));
        return false;
    }
    const long long value = it->get<long long>();
    if (value < low || value > high) {
        r.Error(pointer, Quote(key) + " must be between " + std::to_string(low) + " and " + std::to_string(high)
                             + "; using " + std::to_string(*out));
        return false;
    }
    *out = static_cast<int>(value);
    return true;
}

static void ReadBool(const JsonReader& r, const json& root, const char* key, bool* out)
{
    auto it = root.find(key);
    if (it == root.end())
        return;
    if (!it->is_boolean()) {
        r.Error(std::string("/") + key, Quote(key) + " must be true or false; using " + (*out ? "true" : "false"));
        return;
    }
    *out = it->get<bool>();
}

// A list of strings; bad items are reported and left out. False if not a list.
static bool ReadStringList(const JsonReader& r, const json& root, const std::string& key,
                           std::vector<std::string>* out)
{
    auto it = root.find(key);
    if (it == root.end())
        return false;
    const std::string pointer = "/" + key;
    if (!it->is_array()) {
        r.Error(pointer, Quote(key) + " must be a list in square brackets, such as [\"en\", \"es\"]");
        return false;
    }
    out->clear();
    for (size_t i = 0; i < it->size(); i++) {
        const json& item = (*it)[i];
        if (!item.is_string()) {
            r.Error(pointer + "/" + std::to_string(i), "each item of " + Quote(key) + " must be text in quotes");
            continue;
        }
        out->push_back(item.get<std::string>());
    }
    return true;
}

KioskConfig ParseKioskConfig(std::string_view text, const std::string& file, Diagnostics* diag)
{
    KioskConfig config;
    config.languages.clear();
    JsonReader r(text, file, diag);
    if (!r.Ok())
        return config;
    const json& root = r.Root();
    if (!root.is_object()) {
        r.Error("", "kiosk.json must be an object in curly braces { }; using default settings");
        return config;
    }
    static const std::vector<std::string> known = {"clinic_name", "languages", "default_language",
                                                   "idle_timeout_seconds", "home_tiles", "review_period_days",
                                                   "staff_pin_hash", "page_url", "insights_days", "insights",
                                                   "logo"};
    r.CheckKeys(root, "", known);

    std::string name;
    if (r.String(root, "", "clinic_name", &name)) {
        if (name.empty())
            r.Error("/clinic_name", "\"clinic_name\" is empty; using " + Quote(config.clinic_name));
        else
            config.clinic_name = name;
    }

    std::vector<std::string> languages;
    if (ReadStringList(r, root, "languages", &languages)) {
        for (size_t i = 0; i < languages.size(); i++) {
            const std::string& tag = languages[i];
            const std::string pointer = "/languages/" + std::to_string(i);
            if (!IsLanguageTag(tag))
                r.Error(pointer, Quote(tag) + " is not a language tag such as \"en\", \"es\" or \"pt-BR\"");
            else if (std::find(config.languages.begin(), config.languages.end(), tag) != config.languages.end())
                r.Warning(pointer, "the language " + Quote(tag) + " is listed twice");
            else
                config.languages.push_back(tag);
        }
        if (config.languages.empty())
            r.Error("/languages", "\"languages\" lists no usable language; the language folders are used");
    }

    r.String(root, "", "default_language", &config.default_language);
    if (!config.languages.empty()
        && std::find(config.languages.begin(), config.languages.end(), config.default_language)
               == config.languages.end()) {
        r.Error(root.contains("default_language") ? "/default_language" : "",
                "\"default_language\" is " + Quote(config.default_language) + ", which is not in \"languages\"; using "
                    + Quote(config.languages.front()));
        config.default_language = config.languages.front();
    }

    ReadInt(r, root, "idle_timeout_seconds", 15, 3600, &config.idle_timeout_seconds);
    ReadInt(r, root, "review_period_days", 1, 3650, &config.review_period_days);
    ReadInt(r, root, "insights_days", 0, 3650, &config.insights_days);
    bool insights = true;
    ReadBool(r, root, "insights", &insights);
    if (!insights)
        config.insights_days = 0;   // nothing counted, no file written
    ReadStringList(r, root, "home_tiles", &config.home_tiles);
    r.String(root, "", "logo", &config.logo);   // the loader finds and checks the picture
    // Still honoured, with a warning: the hash belongs in the file 'carekiosk set-pin' writes.
    r.String(root, "", "staff_pin_hash", &config.staff_pin_hash);
    if (root.contains("staff_pin_hash"))
        r.Warning("/staff_pin_hash", "the staff PIN's hash does not belong in the content folder (which may be "
                                     "shared in git): move it with 'carekiosk set-pin'; it still works here for now");
    std::string page_url;
    if (r.String(root, "", "page_url", &page_url) && !page_url.empty()) {
        const std::string problem = PageUrlPatternProblem(page_url);
        if (problem.empty())
            config.page_url = page_url;
        else
            r.Error("/page_url", "\"page_url\": " + problem + "; pages show no QR code");
    }
    return config;
}

} // namespace ck

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

// One text field of "contact": a string on one line, checked by `problem`
// (may be null); a bad one is an error and left empty.
static void ReadContactField(const JsonReader& r, const json& contact, const char* key,
                             std::string (*problem)(const std::string&), std::string* out)
{
    std::string value;
    if (!r.String(contact, "/contact", key, &value))
        return;
    const std::string pointer = std::string("/contact/") + key;
    std::string why = value.find('\n') != std::string::npos ? "it must fit on one line" : "";
    if (why.empty() && problem)
        why = problem(value);
    if (!why.empty()) {
        r.Error(pointer, "\"contact\": \"" + std::string(key) + "\": " + why + "; it is left out");
        return;
    }
    *out = value;
}

static std::string EmailProblem(const std::string& text)
{
    const size_t at = text.find('@');
    if (at == std::string::npos || at == 0 || text.find('.', at) == std::string::npos || text.find(' ') != std::string::npos)
        return "an e-mail address looks like reception@riverside-clinic.co.uk";
    return {};
}

// "contact": phone numbers, hours (text, or text per language), address,
// web site and e-mail; see clinic_contact.h.
static void ReadContact(const JsonReader& r, const json& root, const std::vector<std::string>& languages,
                        ClinicContact* contact)
{
    auto it = root.find("contact");
    if (it == root.end())
        return;
    if (!it->is_object()) {
        r.Error("/contact", "\"contact\" must be an object in curly braces, such as {\"phone\": \"020 7946 0321\"}");
        return;
    }
    const json& c = *it;
    r.CheckKeys(c, "/contact", {"phone", "hours", "out_of_hours", "emergency", "address", "website", "email"});
    ReadContactField(r, c, "phone", PhoneNumberProblem, &contact->phone);
    ReadContactField(r, c, "out_of_hours", PhoneNumberProblem, &contact->out_of_hours);
    ReadContactField(r, c, "emergency", PhoneNumberProblem, &contact->emergency);
    ReadContactField(r, c, "address", nullptr, &contact->address);
    ReadContactField(r, c, "website", WebsiteProblem, &contact->website);
    ReadContactField(r, c, "email", EmailProblem, &contact->email);
    if (!contact->website.empty() && IsPlaceholderAddress(contact->website))
        r.Warning("/contact/website", "\"contact\": \"website\" is a placeholder address ("
                                      + contact->website + "): give the clinic's own");
    auto hours = c.find("hours");
    if (hours == c.end())
        return;
    if (hours->is_string()) {
        std::string all;
        ReadContactField(r, c, "hours", nullptr, &all);
        if (!all.empty())
            contact->hours[""] = all;
        return;
    }
    if (!hours->is_object()) {
        r.Error("/contact/hours", "\"hours\" must be text, or text per language such as {\"en\": \"...\", \"es\": \"...\"}");
        return;
    }
    for (auto h = hours->begin(); h != hours->end(); ++h) {
        const std::string pointer = "/contact/hours/" + h.key();
        if (!h->is_string() || h->get<std::string>().find('\n') != std::string::npos)
            r.Error(pointer, "the opening hours for " + Quote(h.key()) + " must be text on one line");
        else if (!languages.empty() && std::find(languages.begin(), languages.end(), h.key()) == languages.end())
            r.Warning(pointer, Quote(h.key()) + " is not one of \"languages\"; these hours are never shown");
        else
            contact->hours[h.key()] = h->get<std::string>();
    }
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
                                                   "contact", "logo", "popular_questions", "video_sound"};
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
    ReadStringList(r, root, "popular_questions", &config.popular_questions);   // ids checked once the FAQ is in
    r.String(root, "", "logo", &config.logo);   // the loader finds and checks the picture
    std::string sound;
    if (r.String(root, "", "video_sound", &sound)) {
        if (sound == "on" || sound == "off")
            config.video_sound = sound == "on";
        else
            r.Error("/video_sound", "\"video_sound\" is " + Quote(sound) + "; write \"off\" (clips start silent, "
                                    "patients turn the sound on) or \"on\"");
    }
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
        if (problem.empty() && IsPlaceholderAddress(page_url))
            r.Warning("/page_url", "\"page_url\" points at a placeholder address: the QR codes would send patients "
                                   "nowhere; give the clinic's own web address");
    }
    ReadContact(r, root, config.languages, &config.contact);
    return config;
}

} // namespace ck

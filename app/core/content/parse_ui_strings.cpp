// ui.json: a language's translations of the kiosk's own words, checked
// against the built-in English ones (keys and {placeholders}).
#include "content/content_parse_internal.h"
#include <set>

namespace ck {
using namespace parse_detail;

static std::set<std::string> Placeholders(const std::string& text)
{
    std::set<std::string> names;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos)
            break;
        names.insert(text.substr(open, close - open + 1));
    }
    return names;
}

std::map<std::string, std::string> ParseUiStrings(std::string_view text, const std::string& file,
                                                  Diagnostics* diag)
{
    std::map<std::string, std::string> strings;
    JsonReader r(text, file, diag);
    const json* given = r.TopLevel("strings", json::value_t::object,
                                   "ui.json must look like {\"strings\": {\"back\": \"Back\"}}");
    if (!given)
        return strings;
    std::vector<std::string> known;
    for (const auto& [key, value] : DefaultUiStrings())
        known.push_back(key);
    for (auto it = given->begin(); it != given->end(); ++it) {
        const std::string pointer = "/strings/" + it.key();
        auto fallback = DefaultUiStrings().find(it.key());
        if (fallback == DefaultUiStrings().end()) {
            r.Warning(pointer, UnknownKeyMessage(it.key(), known));
            continue;
        }
        if (!it->is_string()) {
            r.Error(pointer, Quote(it.key()) + " must be text in quotes; the English text is shown");
            continue;
        }
        const std::string value = it->get<std::string>();
        const std::set<std::string> allowed = Placeholders(fallback->second);
        for (const std::string& name : Placeholders(value))
            if (!allowed.count(name))
                r.Warning(pointer, Quote(name) + " is not filled in by the kiosk here; use "
                                       + (allowed.empty() ? std::string("no {placeholders}")
                                                          : JoinList({allowed.begin(), allowed.end()})));
        strings[it.key()] = value;
    }
    return strings;
}

const std::map<std::string, std::string>& DefaultUiStrings()
{
    static const std::map<std::string, std::string> strings = {
        {"back", "Back"},
        {"home", "Home"},
        {"search", "Search"},
        {"faq_title", "Questions and answers"},
        {"continue", "Continue"},
        {"still_reading", "Are you still reading?"},
        {"idle_countdown", "Returning to the start in {seconds} s"},
        {"no_answer", "No answer found"},
        {"ask_front_desk", "Please ask at the front desk."},
        {"try_these", "You could try:"},
        {"closest_questions", "Closest questions"},
        {"related_questions", "Related questions"},
        {"showing_results_for", "Showing results for"},
        {"text_size", "Text size"},
        {"contrast", "High contrast"},
        {"text_size_short", "Text size"},
        {"contrast_short", "Contrast"},
        {"home_hint", "Touch a topic below to read about it"},
        {"language", "Language"},
        {"language_name", "English"},
        {"updating", "Information is being updated"},
        {"updating_detail", "Please ask at the front desk."},
        {"touch_to_start", "Touch to learn about microneedling"},
        {"space", "space"},
        {"clear", "Clear"},
        {"hide_keyboard", "Hide"},
        {"search_hint", "Type your question"},
        {"search_suggested", "Popular questions"},
        {"search_preparing", "Preparing search…"},
        {"reviewed_by", "Reviewed by {owner} on {date}"},
        {"reviewed_on", "Reviewed on {date}"},
        {"fallback_note", "This is not yet available in your language."},
        {"read_aloud", "Read aloud"},
        {"stop_reading", "Stop"},
        {"back_to_reading", "Back to reading position"},
        {"sound_unavailable", "Sound is not available on this kiosk"},
        {"video_cannot_play", "This video cannot be played"},
        {"video_play", "Play video"},
        {"video_pause", "Pause"},
        {"video_resume", "Play"},
        {"video_restart", "Start again"},
        {"video_captions_on", "Captions on"},
        {"video_captions_off", "Captions off"},
        {"video_sound_on", "Sound on"},
        {"video_sound_off", "Sound off"},
        {"qr_caption", "Scan to read this at home"},
        {"contact_title", "How to reach us"},
        {"contact_phone", "Phone"},
        {"contact_hours", "Open"},
        {"contact_out_of_hours", "Out of hours"},
        {"contact_emergency", "In an emergency"},
        {"contact_address", "Address"},
        {"contact_website", "Web"},
        {"contact_email", "E-mail"},
        {"contact_save", "Save our number"},
        {"contact_save_caption", "Scan with your phone to save our number"},
        {"address_caption", "Scan to take this address home"},
        {"close", "Close"},
        {"take_home", "Take this page home"},
        {"take_home_caption", "Scan with your phone to read this page at home"},
        {"take_home_site", "This code opens a page on {site}"},
        {"picture_title", "Picture"},
        {"zoom_in", "Zoom in"},
        {"zoom_out", "Zoom out"},
    };
    return strings;
}

} // namespace ck

#include "content/webvtt.h"
#include "base/utf8.h"

namespace ck {

static bool AllDigits(std::string_view text)
{
    if (text.empty())
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

static long ToNumber(std::string_view digits)
{
    long value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

int ParseVttTimestamp(std::string_view text)
{
    // [hours:]minutes:seconds.milliseconds, minutes and seconds two digits,
    // hours at least two when given.
    const size_t dot = text.rfind('.');
    if (dot == std::string_view::npos || text.size() - dot != 4 || !AllDigits(text.substr(dot + 1)))
        return -1;
    std::string_view fields[3];
    int count = 0;
    std::string_view rest = text.substr(0, dot);
    while (count < 3) {
        const size_t colon = rest.rfind(':');
        fields[count++] = colon == std::string_view::npos ? rest : rest.substr(colon + 1);
        if (colon == std::string_view::npos)
            break;
        rest = rest.substr(0, colon);
        if (count == 2 && rest.find(':') != std::string_view::npos)
            return -1;
    }
    if (count < 2 || fields[0].size() != 2 || fields[1].size() != 2 || !AllDigits(fields[0]) || !AllDigits(fields[1]))
        return -1;
    if (count == 3 && (fields[2].size() < 2 || fields[2].size() > 4 || !AllDigits(fields[2])))
        return -1;
    const long seconds = ToNumber(fields[0]), minutes = ToNumber(fields[1]);
    const long hours = count == 3 ? ToNumber(fields[2]) : 0;
    if (seconds > 59 || minutes > 59)
        return -1;
    return static_cast<int>(((hours * 60 + minutes) * 60 + seconds) * 1000 + ToNumber(text.substr(dot + 1)));
}

// Cue text: tags dropped, the entities WebVTT defines decoded.
static std::string PlainCueText(std::string_view text)
{
    static const struct { std::string_view name, value; } kEntities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", "\xC2\xA0"}, {"&lrm;", ""}, {"&rlm;", ""},
    };
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '<') {
            const size_t end = text.find('>', i);
            i = end == std::string_view::npos ? text.size() : end + 1;
            continue;
        }
        bool decoded = false;
        if (text[i] == '&')
            for (const auto& entity : kEntities)
                if (text.substr(i, entity.name.size()) == entity.name) {
                    out += entity.value;
                    i += entity.name.size();
                    decoded = true;
                    break;
                }
        if (!decoded)
            out += text[i++];
    }
    return out;
}

static std::string_view Trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// "start --> end [settings]": false when the line is not a timing line.
static bool ParseTiming(std::string_view line, int* start, int* end)
{
    const size_t arrow = line.find("-->");
    if (arrow == std::string_view::npos)
        return false;
    std::string_view after = Trim(line.substr(arrow + 3));
    const size_t space = after.find_first_of(" \t");
    *start = ParseVttTimestamp(Trim(line.substr(0, arrow)));
    *end = ParseVttTimestamp(space == std::string_view::npos ? after : after.substr(0, space));
    return true;
}

Captions ParseWebVtt(std::string_view text, const std::string& file, Diagnostics* diagnostics)
{
    Captions captions;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    const std::vector<std::string_view> lines = SplitLines(text);
    if (lines.empty() || lines[0].substr(0, 6) != "WEBVTT"
        || (lines[0].size() > 6 && lines[0][6] != ' ' && lines[0][6] != '\t')) {
        diagnostics->Error(file, 1, 1, "captions must start with the line WEBVTT; no captions are shown");
        return captions;
    }
    size_t i = 1;
    while (i < lines.size() && !lines[i].empty())   // header text, kept out of the cues
        i++;
    int last_start = 0;
    while (i < lines.size()) {
        if (lines[i].empty()) {
            i++;
            continue;
        }
        const size_t block_start = i;
        size_t block_end = i;
        while (block_end < lines.size() && !lines[block_end].empty())
            block_end++;
        i = block_end;
        const std::string_view first = lines[block_start];
        if (first.substr(0, 4) == "NOTE" || first.substr(0, 5) == "STYLE" || first.substr(0, 6) == "REGION")
            continue;
        // An optional cue identifier comes before the timing line.
        size_t timing = block_start;
        if (first.find("-->") == std::string_view::npos)
            timing++;
        const int line_number = static_cast<int>(timing) + 1;
        int start = -1, end = -1;
        if (timing >= block_end || !ParseTiming(lines[timing], &start, &end)) {
            diagnostics->Error(file, static_cast<int>(block_start) + 1, 1,
                               "this is not a caption: a caption starts with a line like "
                               "\"00:01.000 --> 00:04.000\"; it is left out");
            continue;
        }
        if (start < 0 || end < 0) {
            diagnostics->Error(file, line_number, 1,
                               "a time here is not written as minutes:seconds.milliseconds (\"01:02.500\") or "
                               "hours:minutes:seconds.milliseconds; this caption is left out");
            continue;
        }
        if (end <= start) {
            diagnostics->Error(file, line_number, 1, "this caption ends before it starts; it is left out");
            continue;
        }
        if (start < last_start)
            diagnostics->Warning(file, line_number, 1, "this caption starts before the one above it; "
                                                       "captions should be in time order");
        last_start = start;
        CaptionCue cue{start, end, std::string(), line_number};
        for (size_t k = timing + 1; k < block_end; k++)
            cue.text += (cue.text.empty() ? "" : "\n") + PlainCueText(lines[k]);
        if (Trim(cue.text).empty()) {
            diagnostics->Warning(file, line_number, 1, "this caption has no text");
            continue;
        }
        captions.cues.push_back(std::move(cue));
    }
    return captions;
}

std::string Captions::TextAt(int ms) const
{
    std::string text;
    for (const CaptionCue& cue : cues)
        if (cue.start_ms <= ms && ms < cue.end_ms)
            text += (text.empty() ? "" : "\n") + cue.text;
    return text;
}

} // namespace ck

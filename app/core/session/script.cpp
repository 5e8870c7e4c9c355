#include "session/script.h"
#include "base/utf8.h"
#include <algorithm>
#include <charconv>
#include <cmath>

namespace ck {

// ---------------------------------------------------------------------------
// [SECTION] Helpers: tokens, numbers, suggestions
// ---------------------------------------------------------------------------

namespace {

struct Token {
    std::string_view text;
    int column = 0;   // 1-based byte column
};

bool IsBlank(char c)
{
    return c == ' ' || c == '\t';
}

std::vector<Token> Tokenize(std::string_view line)
{
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && IsBlank(line[i]))
            ++i;
        const size_t begin = i;
        while (i < line.size() && !IsBlank(line[i]))
            ++i;
        if (i > begin)
            tokens.push_back(Token{line.substr(begin, i - begin), static_cast<int>(begin) + 1});
    }
    return tokens;
}

size_t EditDistance(const std::string& a, const std::string& b)
{
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// " (did you mean 'tap'?)" for the closest candidate, or "" when none is close.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates)
{
    const std::string lower = ToLowerAscii(word);
    const std::string* best = nullptr;
    size_t best_distance = 3;   // more than 2 edits away is a different word
    for (const std::string& candidate : candidates) {
        const size_t distance = EditDistance(lower, candidate);
        if (distance < best_distance) {
            best = &candidate;
            best_distance = distance;
        }
    }
    return best ? " (did you mean '" + *best + "'?)" : std::string();
}

bool ParseNumber(std::string_view text, double* value)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double parsed = 0.0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size() || !std::isfinite(parsed))
        return false;
    *value = parsed;
    return true;
}

bool IsValidUtf8(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        size_t length = 0;
        if (c < 0x80)
            length = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            length = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            length = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            length = 4;
        else
            return false;
        if (i + length > text.size())
            return false;
        for (size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        i += length;
    }
    return true;
}

// In ScriptCommandKind order.
const std::vector<std::string>& CommandNames()
{
    static const std::vector<std::string> names = {"tap",     "drag",       "press",  "type",    "key",  "wait",
                                                   "advance", "screenshot", "expect", "waitfor", "heap", "quit"};
    return names;
}

// In ScriptKey order.
const std::vector<std::string>& KeyNames()
{
    static const std::vector<std::string> names = {"backspace", "enter", "escape"};
    return names;
}

const std::vector<std::string>& FixedScreens()
{
    static const std::vector<std::string> names = {"home", "faq", "search", "idle-warning", "attract"};
    return names;
}

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] Line parser
// ---------------------------------------------------------------------------

namespace {

class LineParser {
public:
    LineParser(const std::string& file, int line, std::string_view text, Diagnostics* diag)
        : file_(file), line_(line), text_(text), diag_(diag)
    {
    }

    bool Parse(ScriptCommand* out);

private:
    void Error(int column, const std::string& message)
    {
        if (diag_)
            diag_->Error(file_, line_, column, message);
    }
    int EndColumn() const { return static_cast<int>(text_.size()) + 1; }
    bool CheckCount(const std::string& name, size_t wanted, const char* usage);
    bool Number(size_t index, const char* what, double* value);
    bool ParseType(const Token& command_token, ScriptCommand* out);
    bool ParseExpect(ScriptCommand* out);

    const std::string& file_;
    int line_;
    std::string_view text_;
    Diagnostics* diag_;
    std::vector<Token> args_;
};

bool LineParser::CheckCount(const std::string& name, size_t wanted, const char* usage)
{
    if (args_.size() == wanted)
        return true;
    const int column = args_.size() > wanted ? args_[wanted].column : EndColumn();
    Error(column, "'" + name + "' takes " + std::to_string(wanted) + (wanted == 1 ? " argument" : " arguments") +
                      " (" + usage + "), found " + std::to_string(args_.size()));
    return false;
}

bool LineParser::Number(size_t index, const char* what, double* value)
{
    const Token& token = args_[index];
    if (!ParseNumber(token.text, value)) {
        Error(token.column, std::string(what) + " must be a number, not '" + std::string(token.text) + "'");
        return false;
    }
    if (*value < 0.0) {
        Error(token.column, std::string(what) + " must not be negative");
        return false;
    }
    // Far beyond any screen or sensible pause; bigger values overflow the
    // float coordinates and the per-frame expansion of a drag.
    if (*value > 1.0e7) {
        Error(token.column, std::string(what) + " is too large (at most 10000000)");
        return false;
    }
    return true;
}

bool LineParser::ParseType(const Token& command_token, ScriptCommand* out)
{
    // Everything after "type" (or "press") and the blanks that follow it, kept as written.
    size_t begin = static_cast<size_t>(command_token.column - 1) + command_token.text.size();
    while (begin < text_.size() && IsBlank(text_[begin]))
        ++begin;
    const std::string_view rest = text_.substr(begin);
    if (rest.empty()) {
        Error(EndColumn(), out->kind == ScriptCommandKind::Press ? "'press' needs the button's label"
                                                                 : "'type' needs the text to type");
        return false;
    }
    if (!IsValidUtf8(rest)) {
        Error(static_cast<int>(begin) + 1, "the text to type is not valid UTF-8");
        return false;
    }
    out->text = std::string(rest);
    return true;
}

bool LineParser::ParseExpect(ScriptCommand* out)
{
    // State checks: "expect text-size 1", "expect contrast off", "expect
    // language en" (two words), "expect scrolled", "expect top",
    // "expect query-empty" (one word). Kept as one string for ExpectationHolds.
    const std::string what = args_.empty() ? std::string() : std::string(args_[0].text);
    if (what == "text-size" || what == "contrast" || what == "language") {
        if (!CheckCount("expect " + what, 2, what == "text-size" ? "STEP" : what == "contrast" ? "on or off" : "TAG"))
            return false;
        const std::string value(args_[1].text);
        double step = 0.0;
        if (what == "text-size" && !Number(1, "the text size", &step))
            return false;
        if (what == "text-size" && step != std::floor(step)) {
            Error(args_[1].column, "the text size is a whole step number, not '" + value + "'");
            return false;
        }
        if (what == "contrast" && value != "on" && value != "off") {
            Error(args_[1].column, "contrast is 'on' or 'off', not '" + value + "'");
            return false;
        }
        out->text = what + " " + value;
        return true;
    }
    if (what == "result") {
        if (!CheckCount("expect result", 2, "ID"))
            return false;
        out->text = "result " + std::string(args_[1].text);
        return true;
    }
    if (what == "reading") {
        if (!CheckCount("expect reading", 2, "off or what is read (page:ID, faq:ID)"))
            return false;
        out->text = "reading " + std::string(args_[1].text);
        return true;
    }
    if (what == "place") {
        double block = 0.0;
        if (!CheckCount("expect place", 2, "BLOCK") || !Number(1, "the block number", &block))
            return false;
        out->text = "place " + std::to_string(long(block));
        return true;
    }
    if (what == "keyboard") {
        if (!CheckCount("expect keyboard", 2, "letters, digits or hidden"))
            return false;
        const std::string mode(args_[1].text);
        if (mode != "letters" && mode != "digits" && mode != "hidden") {
            Error(args_[1].column, "the keyboard is 'letters', 'digits' or 'hidden', not '" + mode + "'");
            return false;
        }
        out->text = "keyboard " + mode;
        return true;
    }
    if (what == "video") {
        static const std::vector<std::string> states = {"playing", "paused", "ended", "failed", "off"};
        if (!CheckCount("expect video", 2, "playing, paused, ended, failed or off"))
            return false;
        if (std::find(states.begin(), states.end(), std::string(args_[1].text)) == states.end()) {
            Error(args_[1].column, "a clip is playing, paused, ended, failed or off");
            return false;
        }
        out->text = "video " + std::string(args_[1].text);
        return true;
    }
    if (what == "query" || what == "notice" || what == "suggested" || what == "caption") {
        // The rest of the line, words joined by one space: "expect query spf 30",
        // "expect suggested does-it-hurt downtime".
        if (args_.size() < 2) {
            Error(EndColumn(), what == "query"       ? "'expect query' needs the text (or use query-empty)"
                               : what == "suggested" ? "'expect suggested' needs the question ids, first shown first"
                                                     : "'expect " + what + "' needs the text");
            return false;
        }
        out->text = what;
        for (size_t i = 1; i < args_.size(); i++)
            out->text += " " + std::string(args_[i].text);
        return true;
    }
    if (what == "scrolled" || what == "top" || what == "query-empty" || what == "search-ready" ||
        what == "entry-at-top" || what == "reading-in-view" || what == "reading-away" || what == "picture" ||
        what == "no-picture") {
        out->text = what;
        return CheckCount("expect " + what, 1, "no value");
    }
    if (!CheckCount("expect", 1, "SCREEN"))
        return false;
    const std::string screen(args_[0].text);
    const auto& fixed = FixedScreens();
    const bool known = std::find(fixed.begin(), fixed.end(), screen) != fixed.end();
    const bool with_id = (screen.rfind("page:", 0) == 0 && screen.size() > 5) ||
                         (screen.rfind("faq:", 0) == 0 && screen.size() > 4);
    if (!known && !with_id) {
        std::string hint = DidYouMean(screen, fixed);
        if (hint.empty())
            hint = " (one of home, faq, faq:ID, search, page:ID, idle-warning, attract)";
        Error(args_[0].column, "unknown screen '" + screen + "'" + hint);
        return false;
    }
    out->text = screen;
    return true;
}

bool LineParser::Parse(ScriptCommand* out)
{
    const std::vector<Token> tokens = Tokenize(text_);
    const Token& command_token = tokens.front();
    const std::string name(command_token.text);
    out->line = line_;

    if (name == "type" || name == "press") {
        out->kind = name == "type" ? ScriptCommandKind::Type : ScriptCommandKind::Press;
        return ParseType(command_token, out);
    }
    for (size_t i = 1; i < tokens.size() && tokens[i].text.front() != '#'; ++i)
        args_.push_back(tokens[i]);

    double a = 0, b = 0, c = 0, d = 0, e = 0;
    if (name == "tap") {
        out->kind = ScriptCommandKind::Tap;
        if (!CheckCount(name, 2, "X Y") || !Number(0, "X", &a) || !Number(1, "Y", &b))
            return false;
        out->x1 = static_cast<float>(a);
        out->y1 = static_cast<float>(b);
        return true;
    }
    if (name == "drag") {
        out->kind = ScriptCommandKind::Drag;
        if (!CheckCount(name, 5, "X1 Y1 X2 Y2 DURATION_MS") || !Number(0, "X1", &a) || !Number(1, "Y1", &b) ||
            !Number(2, "X2", &c) || !Number(3, "Y2", &d) || !Number(4, "the duration", &e))
            return false;
        out->x1 = static_cast<float>(a);
        out->y1 = static_cast<float>(b);
        out->x2 = static_cast<float>(c);
        out->y2 = static_cast<float>(d);
        if (e > 600000.0) {   // one move per frame: a longer drag would be millions of events
            Error(args_[4].column, "the duration is too long (at most 600000 ms)");
            return false;
        }
        out->seconds = e / 1000.0;
        return true;
    }
    if (name == "key") {
        out->kind = ScriptCommandKind::Key;
        if (!CheckCount(name, 1, "backspace, enter or escape"))
            return false;
        const std::string key = ToLowerAscii(args_[0].text);
        const std::vector<std::string>& keys = KeyNames();
        const auto known = std::find(keys.begin(), keys.end(), key);
        if (known == keys.end()) {
            std::string hint = DidYouMean(key, keys);
            if (hint.empty())
                hint = " (one of backspace, enter, escape)";
            Error(args_[0].column, "unknown key '" + std::string(args_[0].text) + "'" + hint);
            return false;
        }
        out->key = static_cast<ScriptKey>(known - keys.begin());
        return true;
    }
    if (name == "wait" || name == "advance") {
        const bool wait = name == "wait";
        out->kind = wait ? ScriptCommandKind::Wait : ScriptCommandKind::Advance;
        if (!CheckCount(name, 1, wait ? "MS" : "SECONDS") || !Number(0, wait ? "the wait" : "the time", &a))
            return false;
        out->seconds = wait ? a / 1000.0 : a;
        return true;
    }
    if (name == "screenshot") {
        out->kind = ScriptCommandKind::Screenshot;
        if (!CheckCount(name, 1, "FILE.png"))
            return false;
        const std::string file(args_[0].text);
        if (file.size() < 5 || ToLowerAscii(file.substr(file.size() - 4)) != ".png") {
            Error(args_[0].column, "screenshots are saved as PNG: the file name must end in .png");
            return false;
        }
        out->text = file;
        return true;
    }
    if (name == "expect" || name == "waitfor") {
        out->kind = name == "expect" ? ScriptCommandKind::Expect : ScriptCommandKind::WaitFor;
        return ParseExpect(out);
    }
    if (name == "heap") {
        out->kind = ScriptCommandKind::Heap;
        return CheckCount(name, 0, "none");
    }
    if (name == "quit") {
        out->kind = ScriptCommandKind::Quit;
        return CheckCount(name, 0, "none");
    }
    Error(command_token.column, "unknown command '" + name + "'" + DidYouMean(name, CommandNames()));
    return false;
}

} // namespace

InputScript ParseInputScript(std::string_view text, const std::string& file, Diagnostics* diag)
{
    InputScript script;
    script.file = file;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);

    int line_number = 0;
    for (const std::string_view line : SplitLines(text)) {
        ++line_number;
        size_t first = 0;
        while (first < line.size() && IsBlank(line[first]))
            ++first;
        if (first == line.size() || line[first] == '#')
            continue;

        ScriptCommand command;
        if (LineParser(file, line_number, line, diag).Parse(&command))
            script.commands.push_back(std::move(command));
    }
    return script;
}

const char* ScriptCommandName(ScriptCommandKind kind)
{
    const size_t index = static_cast<size_t>(kind);
    return index < CommandNames().size() ? CommandNames()[index].c_str() : "quit";
}

const char* ScriptKeyName(ScriptKey key)
{
    const size_t index = static_cast<size_t>(key);
    return index < KeyNames().size() ? KeyNames()[index].c_str() : "enter";
}

bool ExpectationHolds(const std::string& screen, const Session& session)
{
    const size_t space = screen.find(' ');
    if (space != std::string::npos) {
        const std::string what = screen.substr(0, space), value = screen.substr(space + 1);
        if (what == "text-size")
            return std::to_string(session.TextSize()) == value;
        if (what == "contrast")
            return session.HighContrast() == (value == "on");
        if (what == "language")
            return session.Language() == value;
        if (what == "keyboard")
            return KeyboardModeName(session.Keyboard()) == value;
        if (what == "query")
            return session.Query() == value;
        return false;
    }
    // Half a pixel: the offset is a float that a drag moves in whole pixels.
    if (screen == "scrolled")
        return session.Current().scroll_y > 0.5f;
    if (screen == "top")
        return session.Current().scroll_y <= 0.5f;
    if (screen == "query-empty")
        return session.Query().empty();
    if (screen == "picture" || screen == "no-picture")
        return session.ShownPicture().empty() == (screen == "no-picture");
    if (screen == "attract")
        return session.Idle() == IdleState::Attract;
    if (screen == "idle-warning")
        return session.Idle() == IdleState::Warning;
    if (session.Idle() == IdleState::Attract)
        return false;
    const Route& route = session.Current();
    if (screen.rfind("faq:", 0) == 0)
        return route.screen == Screen::Faq && route.id == screen.substr(4);
    return RouteName(route) == screen;
}

// ---------------------------------------------------------------------------
// [SECTION] Player
// ---------------------------------------------------------------------------

std::vector<PointerEvent> GesturePointerEvents(const ScriptCommand& command, double start,
                                               const ScriptPlayerSettings& settings)
{
    std::vector<PointerEvent> events;
    if (command.kind == ScriptCommandKind::Tap) {
        events.push_back(PointerEvent{PointerEventKind::Press, command.x1, command.y1, start});
        events.push_back(PointerEvent{PointerEventKind::Release, command.x1, command.y1, start + settings.tap_seconds});
        return events;
    }
    if (command.kind != ScriptCommandKind::Drag)
        return events;

    const double duration = std::max(0.0, command.seconds);
    const double interval = std::max(0.001, settings.move_interval);
    events.push_back(PointerEvent{PointerEventKind::Press, command.x1, command.y1, start});
    for (int k = 1; k * interval < duration; ++k) {
        const double f = k * interval / duration;
        events.push_back(PointerEvent{PointerEventKind::Move,
                                      static_cast<float>(command.x1 + (command.x2 - command.x1) * f),
                                      static_cast<float>(command.y1 + (command.y2 - command.y1) * f),
                                      start + k * interval});
    }
    events.push_back(PointerEvent{PointerEventKind::Move, command.x2, command.y2, start + duration});
    events.push_back(PointerEvent{PointerEventKind::Release, command.x2, command.y2, start + duration});
    return events;
}

InputScriptPlayer::InputScriptPlayer(InputScript script, ScriptPlayerSettings settings)
    : script_(std::move(script)), settings_(settings)
{
}

void InputScriptPlayer::Expand(const ScriptCommand& command, double start)
{
    if (command.kind == ScriptCommandKind::Wait) {
        ready_at_ = start + command.seconds;
        return;
    }
    ScriptStep step;
    step.t = start;
    step.line = command.line;
    if (command.kind == ScriptCommandKind::Tap || command.kind == ScriptCommandKind::Drag) {
        for (const PointerEvent& event : GesturePointerEvents(command, start, settings_)) {
            step.pointer = event;
            step.t = event.t;
            pending_.push_back(step);
        }
        return;
    }
    // The rest are one step each, carrying what the command says: the text
    // (type, screenshot, expect, waitfor), the key, the clock jump (advance).
    switch (command.kind) {
    case ScriptCommandKind::Type: step.kind = ScriptStep::Kind::Text; break;
    case ScriptCommandKind::Press: step.kind = ScriptStep::Kind::Press; break;
    case ScriptCommandKind::Key: step.kind = ScriptStep::Kind::Key; break;
    case ScriptCommandKind::Advance: step.kind = ScriptStep::Kind::Advance; break;
    case ScriptCommandKind::Screenshot: step.kind = ScriptStep::Kind::Screenshot; break;
    case ScriptCommandKind::Expect: step.kind = ScriptStep::Kind::Expect; break;
    case ScriptCommandKind::WaitFor: step.kind = ScriptStep::Kind::WaitFor; break;
    case ScriptCommandKind::Heap: step.kind = ScriptStep::Kind::Heap; break;
    default: step.kind = ScriptStep::Kind::Quit; break;
    }
    step.text = command.text;
    step.key = command.key;
    step.seconds = command.kind == ScriptCommandKind::WaitFor ? start + kWaitForSeconds : command.seconds;
    pending_.push_back(step);
}

void InputScriptPlayer::Hold(ScriptStep step, double now)
{
    constexpr double kRecheckSeconds = 0.05;
    step.t = now + kRecheckSeconds;
    pending_.push_front(std::move(step));
}

std::vector<ScriptStep> InputScriptPlayer::Poll(double now)
{
    std::vector<ScriptStep> out;
    while (!quit_) {
        if (pending_.empty()) {
            if (next_command_ >= script_.commands.size() || now < ready_at_)
                break;
            Expand(script_.commands[next_command_++], now);
            continue;
        }
        if (pending_.front().t > now)
            break;
        out.push_back(std::move(pending_.front()));
        pending_.pop_front();
        const ScriptStep& step = out.back();
        if (step.kind == ScriptStep::Kind::Quit) {
            quit_ = true;
            pending_.clear();
        }
        // One discrete step per frame: the app must draw a frame between a
        // press and its release, and between an action and the next check.
        const bool is_move = step.kind == ScriptStep::Kind::Pointer && step.pointer.kind == PointerEventKind::Move;
        if (!is_move)
            break;
    }
    return out;
}

bool InputScriptPlayer::Finished() const
{
    return quit_ || (pending_.empty() && next_command_ >= script_.commands.size());
}

double InputScriptPlayer::SecondsUntilNext(double now) const
{
    if (Finished())
        return Session::kNoEventPending;
    if (!pending_.empty())
        return std::max(0.0, pending_.front().t - now);
    return std::max(0.0, ready_at_ - now);
}

} // namespace ck

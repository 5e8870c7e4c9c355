#include "session/session.h"
#include <algorithm>
#include <cmath>

namespace ck {

namespace {

// Bytes to drop from the end of `text` to remove its last code point. A
// continuation byte (10xxxxxx) belongs to the lead byte before it; malformed
// input loses one byte at a time, so Backspace always makes progress.
size_t LastCodePointLength(const std::string& text)
{
    if (text.empty())
        return 0;
    size_t i = text.size() - 1;
    size_t back = 0;
    while (i > 0 && back < 3 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
        --i;
        ++back;
    }
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t expected = 1;
    if ((lead & 0xE0) == 0xC0)
        expected = 2;
    else if ((lead & 0xF0) == 0xE0)
        expected = 3;
    else if ((lead & 0xF8) == 0xF0)
        expected = 4;
    const size_t actual = text.size() - i;
    return actual == expected ? actual : 1;
}

// Longest prefix of `text` no longer than `max_bytes` that ends on a code point boundary.
size_t CutAtCodePoint(const std::string& text, size_t max_bytes)
{
    if (text.size() <= max_bytes)
        return text.size();
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return cut;
}

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] Construction and navigation
// ---------------------------------------------------------------------------

Session::Session(SessionSettings settings, double now) : settings_(std::move(settings))
{
    history_.push_back(Route{});
    language_ = settings_.default_language;
    text_size_ = std::clamp(settings_.default_text_size, 0, std::max(1, settings_.text_size_steps) - 1);
    last_input_ = now;
    reset_at_ = now;
}

void Session::Navigate(const Route& route)
{
    shown_address_.clear();
    shown_picture_.clear();
    if (route == Current())
        return;
    history_.push_back(route);
}

// Back from a picture shown full screen returns to the screen it was on.
void Session::Back()
{
    shown_address_.clear();
    if (!shown_picture_.empty()) {
        shown_picture_.clear();
        return;
    }
    if (CanGoBack())
        history_.pop_back();
}

// Home ends what the patient was doing: the search they typed goes too (it is
// not kept in memory for the next person).
void Session::Home()
{
    history_.clear();
    history_.push_back(Route{});
    query_.clear();
    shown_address_.clear();
    shown_picture_.clear();
}

void Session::ApplyNavigation(const Intent& intent)
{
    switch (intent.kind) {
    case IntentKind::OpenPage:
        if (!intent.text.empty())
            Navigate(Route{Screen::Page, intent.text, 0.0f});
        break;
    case IntentKind::OpenFaq:
        // On the FAQ screen, opening an entry expands it in place: Back should
        // leave the FAQ, not walk through every entry the patient opened.
        if (Current().screen == Screen::Faq) {
            if (!intent.text.empty())
                Current().id = intent.text;
        } else {
            Navigate(Route{Screen::Faq, intent.text, 0.0f});
        }
        break;
    case IntentKind::ToggleFaqEntry:
        if (Current().screen == Screen::Faq)
            Current().id = Current().id == intent.text ? std::string() : intent.text;
        else
            Navigate(Route{Screen::Faq, intent.text, 0.0f});
        break;
    case IntentKind::OpenSearch:
        keyboard_ = KeyboardMode::Letters;
        Navigate(Route{Screen::Search, std::string(), 0.0f});
        break;
    case IntentKind::OpenLanguages:
        Navigate(Route{Screen::Languages, std::string(), 0.0f});
        break;
    case IntentKind::Back:
        Back();
        break;
    case IntentKind::Home:
        Home();
        break;
    default:
        break;
    }
}

// ---------------------------------------------------------------------------
// [SECTION] Intents
// ---------------------------------------------------------------------------

void Session::Apply(const Intent& intent, double now)
{
    last_input_ = now;
    if (intent.kind == IntentKind::DismissAttract) {
        // Nobody has done anything yet: the quiet period starts again.
        if (idle_ == IdleState::Attract)
            reset_at_ = now;
        idle_ = IdleState::Active;
        return;
    }
    idle_ = IdleState::Active;
    touched_ = true;

    switch (intent.kind) {
    case IntentKind::SetTextSize:
        text_size_ = std::clamp(intent.value, 0, std::max(1, settings_.text_size_steps) - 1);
        break;
    case IntentKind::ToggleContrast:
        high_contrast_ = !high_contrast_;
        break;
    case IntentKind::SetLanguage:
        if (!intent.text.empty() && intent.text != language_) {
            query_.clear();   // a query in one language means nothing in the other
            shown_picture_.clear();   // the other language's page has its own pictures and words
        }
        if (!intent.text.empty())
            language_ = intent.text;
        if (Current().screen == Screen::Languages)
            Back();
        break;
    case IntentKind::SearchAppend:
        query_ += intent.text;
        query_.resize(CutAtCodePoint(query_, kMaxQueryBytes));
        break;
    case IntentKind::SearchBackspace:
        query_.resize(query_.size() - LastCodePointLength(query_));
        break;
    case IntentKind::SearchClear:
        query_.clear();
        break;
    case IntentKind::SetKeyboard:
        keyboard_ = static_cast<KeyboardMode>(std::clamp(intent.value, 0, int(KeyboardMode::Hidden)));
        break;
    case IntentKind::ContinueReading:
        break;   // counting as input is all it does
    case IntentKind::ToggleTask:
        if (!toggled_tasks_.erase(intent.text))
            toggled_tasks_.insert(intent.text);
        break;
    case IntentKind::ShowAddress:
        shown_address_ = intent.text;
        break;
    case IntentKind::CloseAddress:
        shown_address_.clear();
        break;
    case IntentKind::ShowPicture:
        shown_picture_ = intent.text;
        break;
    case IntentKind::ClosePicture:
        shown_picture_.clear();
        break;
    default:
        ApplyNavigation(intent);
        break;
    }
}

// ---------------------------------------------------------------------------
// [SECTION] Idle timer
// ---------------------------------------------------------------------------

double Session::IdleTimeout() const
{
    return std::max(1.0, settings_.idle_timeout);
}

double Session::WarningLength() const
{
    return std::max(20.0, settings_.warning_seconds);
}

bool Session::NoteInput(double now)
{
    last_input_ = now;
    if (idle_ == IdleState::Attract) {
        idle_ = IdleState::Active;
        reset_at_ = now;
        return true;
    }
    idle_ = IdleState::Active;
    touched_ = true;
    return false;
}

void Session::Tick(double now)
{
    // Each pass moves at most one step; a late call walks through every step
    // that fell due, each at its own scheduled time.
    for (int step = 0; step < 4; ++step) {
        if (idle_ == IdleState::Active && touched_) {
            const double due = last_input_ + IdleTimeout();
            if (now < due)
                return;
            idle_ = IdleState::Warning;
            warning_started_ = due;
        } else if (idle_ == IdleState::Active) {
            if (settings_.attract_after <= 0.0)
                return;
            const double due = reset_at_ + settings_.attract_after;
            if (now < due)
                return;
            idle_ = IdleState::Attract;
        } else if (idle_ == IdleState::Warning) {
            const double due = warning_started_ + WarningLength();
            if (now < due)
                return;
            Reset(due);
        } else {
            return;
        }
    }
}

double Session::WarningSecondsLeft(double now) const
{
    if (idle_ != IdleState::Warning)
        return 0.0;
    return std::clamp(warning_started_ + WarningLength() - now, 0.0, WarningLength());
}

double Session::SecondsUntilNextEvent(double now) const
{
    switch (idle_) {
    case IdleState::Active:
        if (touched_)
            return std::max(0.0, last_input_ + IdleTimeout() - now);
        if (settings_.attract_after <= 0.0)
            return kNoEventPending;
        return std::max(0.0, reset_at_ + settings_.attract_after - now);
    case IdleState::Warning: {
        // The countdown shows whole seconds rounded up: it changes each time
        // the time left crosses an integer.
        const double left = WarningSecondsLeft(now);
        const double to_next_whole = left - std::floor(left);
        return to_next_whole > 0.0 ? to_next_whole : std::min(left, 1.0);
    }
    case IdleState::Attract:
        return kNoEventPending;
    }
    return kNoEventPending;
}

void Session::Reset(double now)
{
    Home();
    query_.clear();
    toggled_tasks_.clear();
    keyboard_ = KeyboardMode::Letters;
    language_ = settings_.default_language;
    text_size_ = std::clamp(settings_.default_text_size, 0, std::max(1, settings_.text_size_steps) - 1);
    high_contrast_ = false;
    idle_ = IdleState::Active;
    touched_ = false;
    reset_at_ = now;
    last_input_ = now;
    ++reset_count_;
}

// ---------------------------------------------------------------------------
// [SECTION] Names
// ---------------------------------------------------------------------------

const char* KeyboardModeName(KeyboardMode mode)
{
    static const char* const kNames[] = {"letters", "digits", "hidden"};   // in KeyboardMode's order
    const size_t index = static_cast<size_t>(mode);
    return index < std::size(kNames) ? kNames[index] : kNames[0];
}

const char* ScreenName(Screen screen)
{
    switch (screen) {
    case Screen::Home: return "home";
    case Screen::Page: return "page";
    case Screen::Faq: return "faq";
    case Screen::Search: return "search";
    case Screen::Languages: return "languages";
    }
    return "home";
}

std::string RouteName(const Route& route)
{
    if (route.screen == Screen::Page)
        return std::string("page:") + route.id;
    return ScreenName(route.screen);
}

std::string SessionScreenName(const Session& session)
{
    switch (session.Idle()) {
    case IdleState::Attract: return "attract";
    case IdleState::Warning: return "idle-warning";
    case IdleState::Active: break;
    }
    return RouteName(session.Current());
}

} // namespace ck

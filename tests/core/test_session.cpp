// Session navigation, intents and the idle cycle, driven by a fake clock
// (plain doubles in seconds).
#include "session/session.h"
#include <catch2/catch.hpp>

using namespace ck;

namespace {

SessionSettings TestSettings()
{
    SessionSettings s;
    s.default_language = "en";
    s.idle_timeout = 90.0;
    s.warning_seconds = 30.0;
    s.attract_after = 300.0;
    s.text_size_steps = 4;
    s.default_text_size = 1;
    return s;
}

Intent Make(IntentKind kind, std::string text = std::string(), int value = 0)
{
    Intent i;
    i.kind = kind;
    i.text = std::move(text);
    i.value = value;
    return i;
}

} // namespace

// ---------------------------------------------------------------------------
// Navigation
// ---------------------------------------------------------------------------

TEST_CASE("a new session starts at Home with the defaults")
{
    Session s(TestSettings(), 10.0);
    CHECK(s.Current().screen == Screen::Home);
    CHECK_FALSE(s.CanGoBack());
    CHECK(s.Language() == "en");
    CHECK(s.TextSize() == 1);
    CHECK_FALSE(s.HighContrast());
    CHECK(s.Query().empty());
    CHECK(s.Idle() == IdleState::Active);
    CHECK(s.ResetCount() == 0);
    CHECK(RouteName(s.Current()) == "home");
}

TEST_CASE("Navigate pushes, skips a route equal to the current one, Back pops")
{
    Session s(TestSettings());
    s.Navigate(Route{Screen::Page, "aftercare", 0.0f});
    s.Navigate(Route{Screen::Page, "aftercare", 0.0f});
    CHECK(RouteName(s.Current()) == "page:aftercare");
    s.Back();
    CHECK(s.Current().screen == Screen::Home);
    CHECK_FALSE(s.CanGoBack());
    s.Back();   // nothing to pop: stays at Home
    CHECK(s.Current().screen == Screen::Home);
}

TEST_CASE("Back returns to the remembered scroll position")
{
    Session s(TestSettings());
    s.Navigate(Route{Screen::Page, "risks", 0.0f});
    s.Current().scroll_y = 420.0f;
    s.Navigate(Route{Screen::Page, "aftercare", 0.0f});
    CHECK(s.Current().scroll_y == 0.0f);
    s.Back();
    CHECK(s.Current().id == "risks");
    CHECK(s.Current().scroll_y == 420.0f);
}

TEST_CASE("Home clears the history")
{
    Session s(TestSettings());
    s.Navigate(Route{Screen::Page, "a", 0.0f});
    s.Navigate(Route{Screen::Page, "b", 0.0f});
    s.Navigate(Route{Screen::Search, "", 0.0f});
    s.Home();
    CHECK(s.Current().screen == Screen::Home);
    CHECK_FALSE(s.CanGoBack());
}

TEST_CASE("navigation intents")
{
    Session s(TestSettings());
    s.Apply(Make(IntentKind::OpenPage, "aftercare"), 1.0);
    CHECK(RouteName(s.Current()) == "page:aftercare");
    s.Apply(Make(IntentKind::OpenSearch), 2.0);
    CHECK(RouteName(s.Current()) == "search");
    s.Apply(Make(IntentKind::Back), 3.0);
    CHECK(RouteName(s.Current()) == "page:aftercare");
    s.Apply(Make(IntentKind::Home), 4.0);
    CHECK(RouteName(s.Current()) == "home");
    CHECK_FALSE(s.CanGoBack());
    s.Apply(Make(IntentKind::OpenPage, ""), 5.0);   // no id: ignored
    CHECK(RouteName(s.Current()) == "home");
}

TEST_CASE("OpenFaq with an id expands that entry, and ToggleFaqEntry toggles")
{
    Session s(TestSettings());
    s.Apply(Make(IntentKind::OpenFaq, "does-it-hurt"), 1.0);
    CHECK(s.Current().screen == Screen::Faq);
    CHECK(s.Current().id == "does-it-hurt");
    CHECK(RouteName(s.Current()) == "faq");

    s.Apply(Make(IntentKind::ToggleFaqEntry, "does-it-hurt"), 2.0);
    CHECK(s.Current().id.empty());
    s.Apply(Make(IntentKind::ToggleFaqEntry, "downtime"), 3.0);
    CHECK(s.Current().id == "downtime");
    s.Apply(Make(IntentKind::ToggleFaqEntry, "does-it-hurt"), 4.0);
    CHECK(s.Current().id == "does-it-hurt");

    // Expanding entries does not stack history: one Back leaves the FAQ.
    s.Apply(Make(IntentKind::OpenFaq, "cost"), 5.0);
    CHECK(s.Current().id == "cost");
    s.Apply(Make(IntentKind::Back), 6.0);
    CHECK(s.Current().screen == Screen::Home);
}

TEST_CASE("OpenFaq without an id opens the list with nothing expanded")
{
    Session s(TestSettings());
    s.Apply(Make(IntentKind::OpenFaq, ""), 1.0);
    CHECK(s.Current().screen == Screen::Faq);
    CHECK(s.Current().id.empty());
}

// ---------------------------------------------------------------------------
// Patient choices
// ---------------------------------------------------------------------------

TEST_CASE("SetTextSize clamps to the steps")
{
    Session s(TestSettings());
    s.Apply(Make(IntentKind::SetTextSize, "", 3), 1.0);
    CHECK(s.TextSize() == 3);
    s.Apply(Make(IntentKind::SetTextSize, "", 9), 1.0);
    CHECK(s.TextSize() == 3);
    s.Apply(Make(IntentKind::SetTextSize, "", -2), 1.0);
    CHECK(s.TextSize() == 0);
}

TEST_CASE("contrast and language")
{
    Session s(TestSettings());
    s.Apply(Make(IntentKind::ToggleContrast), 1.0);
    CHECK(s.HighContrast());
    s.Apply(Make(IntentKind::ToggleContrast), 1.0);
    CHECK_FALSE(s.HighContrast());
    s.Apply(Make(IntentKind::SetLanguage, "es"), 1.0);
    CHECK(s.Language() == "es");
    s.Apply(Make(IntentKind::SetLanguage, ""), 1.0);
    CHECK(s.Language() == "es");
}

TEST_CASE("search query editing is UTF-8 aware")
{
    Session s(TestSettings());
    s.Apply(Make(IntentKind::SearchAppend, "ca"), 1.0);
    s.Apply(Make(IntentKind::SearchAppend, "f\xC3\xA9"), 1.0);        // é: 2 bytes
    CHECK(s.Query() == "caf\xC3\xA9");
    s.Apply(Make(IntentKind::SearchBackspace), 1.0);
    CHECK(s.Query() == "caf");

    s.Apply(Make(IntentKind::SearchAppend, "\xE2\x82\xAC"), 1.0);     // €: 3 bytes
    s.Apply(Make(IntentKind::SearchAppend, "\xF0\x9F\x98\x80"), 1.0); // emoji: 4 bytes
    s.Apply(Make(IntentKind::SearchBackspace), 1.0);
    CHECK(s.Query() == "caf\xE2\x82\xAC");
    s.Apply(Make(IntentKind::SearchBackspace), 1.0);
    CHECK(s.Query() == "caf");

    s.Apply(Make(IntentKind::SearchClear), 1.0);
    CHECK(s.Query().empty());
    s.Apply(Make(IntentKind::SearchBackspace), 1.0);   // on empty: harmless
    CHECK(s.Query().empty());
}

TEST_CASE("backspace after malformed UTF-8 still removes something")
{
    Session s(TestSettings());
    s.Apply(Make(IntentKind::SearchAppend, "a\x80\x80"), 1.0);   // stray continuation bytes
    const size_t before = s.Query().size();
    s.Apply(Make(IntentKind::SearchBackspace), 1.0);
    CHECK(s.Query().size() < before);
}

TEST_CASE("a very long query is cut at a code point boundary")
{
    Session s(TestSettings());
    std::string long_text;
    for (int i = 0; i < 300; ++i)
        long_text += "\xC3\xA9";
    s.Apply(Make(IntentKind::SearchAppend, long_text), 1.0);
    CHECK(s.Query().size() <= Session::kMaxQueryBytes);
    CHECK(s.Query().size() % 2 == 0);   // never half an é
    CHECK(s.Query().size() >= Session::kMaxQueryBytes - 1);
}

// ---------------------------------------------------------------------------
// Idle cycle
// ---------------------------------------------------------------------------

TEST_CASE("Active -> Warning after the idle timeout, with a countdown")
{
    Session s(TestSettings(), 0.0);
    s.NoteInput(10.0);
    s.Tick(99.9);
    CHECK(s.Idle() == IdleState::Active);
    CHECK(s.WarningSecondsLeft(99.9) == 0.0);
    s.Tick(100.0);
    CHECK(s.Idle() == IdleState::Warning);
    CHECK(SessionScreenName(s) == "idle-warning");
    CHECK(s.WarningSecondsLeft(100.0) == Approx(30.0));
    CHECK(s.WarningSecondsLeft(112.5) == Approx(17.5));
    CHECK(s.WarningSecondsLeft(500.0) == 0.0);
}

TEST_CASE("input during the warning continues the session")
{
    Session s(TestSettings(), 0.0);
    s.Apply(Make(IntentKind::OpenPage, "aftercare"), 0.0);
    s.Tick(95.0);
    REQUIRE(s.Idle() == IdleState::Warning);
    CHECK_FALSE(s.NoteInput(100.0));   // not swallowed
    CHECK(s.Idle() == IdleState::Active);
    s.Tick(189.0);
    CHECK(s.Idle() == IdleState::Active);   // the timer restarted at 100
    CHECK(RouteName(s.Current()) == "page:aftercare");

    s.Tick(190.0);
    REQUIRE(s.Idle() == IdleState::Warning);
    s.Apply(Make(IntentKind::ContinueReading), 195.0);
    CHECK(s.Idle() == IdleState::Active);
    CHECK(s.ResetCount() == 0);
}

TEST_CASE("Warning -> Reset after the countdown wipes everything")
{
    Session s(TestSettings(), 0.0);
    s.Apply(Make(IntentKind::SetLanguage, "es"), 1.0);
    s.Apply(Make(IntentKind::SetTextSize, "", 3), 2.0);
    s.Apply(Make(IntentKind::ToggleContrast), 3.0);
    s.Apply(Make(IntentKind::SearchAppend, "redness"), 4.0);
    s.Apply(Make(IntentKind::OpenPage, "aftercare"), 5.0);
    s.Apply(Make(IntentKind::OpenPage, "risks"), 6.0);
    s.Apply(Make(IntentKind::ToggleTask, "page:risks#0"), 6.0);
    s.Apply(Make(IntentKind::ShowAddress, "http://www.nih.gov"), 6.0);
    REQUIRE(s.TaskTicked("page:risks#0", false));

    s.Tick(96.0);
    REQUIRE(s.Idle() == IdleState::Warning);
    s.Tick(125.9);
    CHECK(s.Idle() == IdleState::Warning);
    CHECK(s.ResetCount() == 0);
    s.Tick(126.0);
    CHECK(s.Idle() == IdleState::Active);
    CHECK(s.ResetCount() == 1);
    CHECK(s.Current().screen == Screen::Home);
    CHECK_FALSE(s.CanGoBack());
    CHECK(s.Query().empty());
    CHECK(s.Language() == "en");
    CHECK(s.TextSize() == 1);
    CHECK_FALSE(s.HighContrast());
    CHECK_FALSE(s.Touched());
    CHECK_FALSE(s.TaskTicked("page:risks#0", false));   // ticks are the patient's: gone
    CHECK(s.ShownAddress().empty());
}

TEST_CASE("check boxes toggle per key, and an address card closes on Close or any navigation")
{
    Session s(TestSettings());
    s.Apply(Make(IntentKind::OpenPage, "before"), 1.0);
    s.Apply(Make(IntentKind::ToggleTask, "page:before#1"), 1.0);
    CHECK(s.TaskTicked("page:before#1", false));
    CHECK_FALSE(s.TaskTicked("page:before#1", true));     // written ticked, tapped once: unticked
    CHECK_FALSE(s.TaskTicked("page:before#0", false));
    s.Apply(Make(IntentKind::ToggleTask, "page:before#1"), 2.0);
    CHECK_FALSE(s.TaskTicked("page:before#1", false));
    CHECK(s.Current().id == "before");                    // ticking is not navigating

    s.Apply(Make(IntentKind::ShowAddress, "mailto:help@clinic.example"), 3.0);
    CHECK(s.ShownAddress() == "mailto:help@clinic.example");
    s.Apply(Make(IntentKind::CloseAddress), 4.0);
    CHECK(s.ShownAddress().empty());
    s.Apply(Make(IntentKind::ShowAddress, "http://www.nih.gov"), 5.0);
    s.Apply(Make(IntentKind::Back), 6.0);
    CHECK(s.ShownAddress().empty());
}

TEST_CASE("the warning lasts at least 20 seconds")
{
    SessionSettings settings = TestSettings();
    settings.warning_seconds = 5.0;
    Session s(settings, 0.0);
    s.NoteInput(0.0);
    s.Tick(90.0);
    REQUIRE(s.Idle() == IdleState::Warning);
    CHECK(s.WarningSecondsLeft(90.0) == Approx(20.0));
    s.Tick(105.0);
    CHECK(s.Idle() == IdleState::Warning);
    s.Tick(110.0);
    CHECK(s.ResetCount() == 1);
}

TEST_CASE("after a reset, Attract follows attract_after seconds of quiet")
{
    Session s(TestSettings(), 0.0);
    s.NoteInput(0.0);
    s.Tick(90.0);
    s.Tick(120.0);   // reset at 120
    REQUIRE(s.ResetCount() == 1);
    s.Tick(419.9);
    CHECK(s.Idle() == IdleState::Active);   // an untouched Home never warns
    s.Tick(420.0);
    CHECK(s.Idle() == IdleState::Attract);
    CHECK(SessionScreenName(s) == "attract");
    s.Tick(100000.0);
    CHECK(s.Idle() == IdleState::Attract);
    CHECK(s.ResetCount() == 1);
}

TEST_CASE("attract_after = 0 never shows the attract screen")
{
    SessionSettings settings = TestSettings();
    settings.attract_after = 0.0;
    Session s(settings, 0.0);
    s.NoteInput(0.0);
    s.Tick(200.0);
    CHECK(s.ResetCount() == 1);
    s.Tick(1.0e6);
    CHECK(s.Idle() == IdleState::Active);
    CHECK(s.SecondsUntilNextEvent(1.0e6) == Session::kNoEventPending);
}

TEST_CASE("the tap that dismisses the attract screen is swallowed")
{
    Session s(TestSettings(), 0.0);
    s.Tick(300.0);
    REQUIRE(s.Idle() == IdleState::Attract);
    CHECK(s.NoteInput(301.0));
    CHECK(s.Idle() == IdleState::Active);
    CHECK(s.Current().screen == Screen::Home);
    CHECK_FALSE(s.NoteInput(302.0));   // the next one is real input
    CHECK(s.Touched());
}

TEST_CASE("dismissing the attract screen without using the kiosk returns to it")
{
    Session s(TestSettings(), 0.0);
    s.Tick(300.0);
    REQUIRE(s.Idle() == IdleState::Attract);
    s.Apply(Make(IntentKind::DismissAttract), 310.0);
    CHECK(s.Idle() == IdleState::Active);
    s.Tick(609.0);
    CHECK(s.Idle() == IdleState::Active);   // no warning for an untouched Home
    s.Tick(610.0);
    CHECK(s.Idle() == IdleState::Attract);
    CHECK(s.ResetCount() == 0);
}

TEST_CASE("a late Tick runs every transition that fell due")
{
    Session s(TestSettings(), 0.0);
    s.Apply(Make(IntentKind::OpenPage, "aftercare"), 0.0);
    s.Tick(1000.0);   // warning at 90, reset at 120, attract at 420
    CHECK(s.ResetCount() == 1);
    CHECK(s.Idle() == IdleState::Attract);
    CHECK(s.Current().screen == Screen::Home);
}

TEST_CASE("SecondsUntilNextEvent tells the loop when to wake")
{
    Session s(TestSettings(), 0.0);
    CHECK(s.SecondsUntilNextEvent(0.0) == Approx(300.0));   // untouched: attract at 300
    s.NoteInput(10.0);
    CHECK(s.SecondsUntilNextEvent(10.0) == Approx(90.0));
    CHECK(s.SecondsUntilNextEvent(60.0) == Approx(40.0));
    CHECK(s.SecondsUntilNextEvent(150.0) == 0.0);           // overdue: tick now

    s.Tick(100.0);
    REQUIRE(s.Idle() == IdleState::Warning);
    // The countdown shows whole seconds: wake when the next one starts.
    CHECK(s.SecondsUntilNextEvent(100.0) == Approx(1.0));
    CHECK(s.SecondsUntilNextEvent(100.25) == Approx(0.75));   // 29.75 left -> 29 in 0.75 s
    CHECK(s.SecondsUntilNextEvent(129.5) == Approx(0.5));

    s.Tick(130.0);
    REQUIRE(s.ResetCount() == 1);
    CHECK(s.SecondsUntilNextEvent(130.0) == Approx(300.0));
    s.Tick(430.0);
    REQUIRE(s.Idle() == IdleState::Attract);
    CHECK(s.SecondsUntilNextEvent(430.0) == Session::kNoEventPending);
}

TEST_CASE("an explicit Reset counts and restarts the quiet period")
{
    Session s(TestSettings(), 0.0);
    s.Apply(Make(IntentKind::OpenPage, "aftercare"), 1.0);
    s.Reset(50.0);
    CHECK(s.ResetCount() == 1);
    CHECK(s.Current().screen == Screen::Home);
    s.Tick(349.0);
    CHECK(s.Idle() == IdleState::Active);
    s.Tick(350.0);
    CHECK(s.Idle() == IdleState::Attract);
}

TEST_CASE("screen and route names")
{
    CHECK(std::string(ScreenName(Screen::Home)) == "home");
    CHECK(std::string(ScreenName(Screen::Page)) == "page");
    CHECK(std::string(ScreenName(Screen::Faq)) == "faq");
    CHECK(std::string(ScreenName(Screen::Search)) == "search");
    CHECK(RouteName(Route{Screen::Page, "aftercare", 0.0f}) == "page:aftercare");
    CHECK(RouteName(Route{Screen::Faq, "does-it-hurt", 0.0f}) == "faq");
    CHECK(RouteName(Route{Screen::Search, "", 0.0f}) == "search");
}

TEST_CASE("the language picker opens as a screen and closes on a choice")
{
    Session session(TestSettings(), 0.0);
    session.Apply(Make(IntentKind::OpenPage, "aftercare"), 1.0);
    session.Apply(Make(IntentKind::OpenLanguages), 2.0);
    CHECK(RouteName(session.Current()) == "languages");
    session.Apply(Make(IntentKind::SetLanguage, "pt-BR"), 3.0);
    CHECK(session.Language() == "pt-BR");
    CHECK(RouteName(session.Current()) == "page:aftercare");   // back where the patient was

    // Outside the picker, choosing a language stays on the same screen.
    session.Apply(Make(IntentKind::SetLanguage, "es"), 4.0);
    CHECK(RouteName(session.Current()) == "page:aftercare");

    // Idle reset forgets both the language and the picker.
    session.Apply(Make(IntentKind::OpenLanguages), 5.0);
    session.Reset(6.0);
    CHECK(session.Language() == "en");
    CHECK(RouteName(session.Current()) == "home");
}

TEST_CASE("the search keyboard opens on letters, keeps its layer while typing, and a reset forgets it")
{
    Session s;
    s.Apply(Make(IntentKind::OpenSearch), 1.0);
    CHECK(s.Keyboard() == KeyboardMode::Letters);
    s.Apply(Make(IntentKind::SetKeyboard, "", int(KeyboardMode::Digits)), 2.0);
    s.Apply(Make(IntentKind::SearchAppend, "3"), 2.1);
    CHECK(s.Keyboard() == KeyboardMode::Digits);
    s.Apply(Make(IntentKind::SetKeyboard, "", int(KeyboardMode::Hidden)), 3.0);
    CHECK(s.Keyboard() == KeyboardMode::Hidden);
    s.Apply(Make(IntentKind::Home), 4.0);
    s.Apply(Make(IntentKind::OpenSearch), 5.0);
    CHECK(s.Keyboard() == KeyboardMode::Letters);   // a new search starts on letters
    s.Apply(Make(IntentKind::SetKeyboard, "", int(KeyboardMode::Hidden)), 6.0);
    s.Reset(7.0);
    CHECK(s.Keyboard() == KeyboardMode::Letters);
    CHECK(std::string(KeyboardModeName(KeyboardMode::Digits)) == "digits");
}

// ---------------------------------------------------------------------------
// A picture shown full screen
// ---------------------------------------------------------------------------

TEST_CASE("a picture shown full screen: Back closes it and stays on the page, Close and Home too")
{
    Session s(TestSettings(), 0.0);
    s.Apply(Make(IntentKind::OpenPage, "risks"), 1.0);
    s.Current().scroll_y = 420.0f;
    s.Apply(Make(IntentKind::ShowPicture, "en/pages/needle-depth.png"), 2.0);
    CHECK(s.ShownPicture() == "en/pages/needle-depth.png");

    s.Apply(Make(IntentKind::Back), 3.0);
    CHECK(s.ShownPicture().empty());
    CHECK(RouteName(s.Current()) == "page:risks");   // the page it opened from, at the same place
    CHECK(s.Current().scroll_y == 420.0f);
    s.Apply(Make(IntentKind::Back), 4.0);
    CHECK(s.Current().screen == Screen::Home);       // the next Back leaves the page

    s.Apply(Make(IntentKind::OpenPage, "risks"), 5.0);
    s.Apply(Make(IntentKind::ShowPicture, "en/pages/needle-depth.png"), 6.0);
    s.Apply(Make(IntentKind::ClosePicture), 7.0);
    CHECK(s.ShownPicture().empty());
    CHECK(RouteName(s.Current()) == "page:risks");

    s.Apply(Make(IntentKind::ShowPicture, "en/pages/needle-depth.png"), 8.0);
    s.Apply(Make(IntentKind::SetTextSize, std::string(), 3), 8.5);
    CHECK_FALSE(s.ShownPicture().empty());               // larger text: the picture stays
    s.Apply(Make(IntentKind::SetLanguage, "es"), 8.6);
    CHECK(s.ShownPicture().empty());                     // the Spanish page has its own
    CHECK(RouteName(s.Current()) == "page:risks");
    s.Apply(Make(IntentKind::ShowPicture, "es/pages/needle-depth.png"), 8.7);
    s.Apply(Make(IntentKind::Home), 9.0);
    CHECK(s.ShownPicture().empty());
}

TEST_CASE("the idle reset closes a picture shown full screen")
{
    Session s(TestSettings(), 0.0);
    s.Apply(Make(IntentKind::OpenPage, "risks"), 1.0);
    s.Apply(Make(IntentKind::ShowPicture, "en/pages/needle-depth.png"), 2.0);
    s.Tick(2.0 + 90.0 + 30.0);
    CHECK(s.ResetCount() == 1);
    CHECK(s.ShownPicture().empty());
}

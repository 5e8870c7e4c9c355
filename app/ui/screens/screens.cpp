// The kiosk's screens: DrawScreen picks the screen for the session's route
// and idle state and collects the intents it returns. Each screen is drawn
// in its own file (home_screen.cpp, page_screen.cpp, faq_screen.cpp,
// languages_screen.cpp, idle_screens.cpp, search_screen.cpp) with the
// shared parts of screen_widgets.cpp. See screens.h.
#include "screens/screens.h"
#include "screens/screen_widgets.h"
#include <imgui_internal.h>
#include <imgui.h>
#include <cmath>

namespace ck::ui {

using namespace screens_detail;

float MinTargetPx(float dpi)
{
    if (!(dpi > 0.0f))
        dpi = 96.0f;
    return std::ceil(kMinTargetMm * dpi / 25.4f);
}

void ScreenViews::Clear()
{
    page_id.clear();
    page_doc = Document();
    page_body.reset();
    faq_answers.clear();
    faq_focus = kLeftFaq;
    max_scroll = 0.0f;
    scroll_to = -1.0f;
    reading_focus = -1;
    reading_paused = false;
    reading_return = -1.0f;
    Leave();
    place = Place();
}

// The search screen: the search parts (search_screen.cpp) under the header
// and the title.
static void SearchScreen(Frame& f, ScreenViews& views)
{
    SearchDraw search = SearchDrawFor(f, f.column.x0, f.column.x1);
    DrawSearchScreen(search, FixedTitle(f, Header(f, true), f.Ui("search")), views);
}

std::vector<Intent> DrawScreen(const ScreenEnv& env_in, ScreenViews& views, ScreenReport* report)
{
    const Session& session = *env_in.session;
    const Theme& theme = session.HighContrast() ? HighContrastTheme() : DefaultTheme();
    const IdleState idle = session.Idle();
    const bool empty = env_in.content->IsEmpty();

    // Under the idle warning the screen shows but does not take taps.
    ScreenEnv env = env_in;
    const PointerState no_touch;
    const bool address_shown = !session.ShownAddress().empty() && idle != IdleState::Attract && !empty;
    if (idle == IdleState::Warning || address_shown)
        env.pointer = &no_touch;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(env.width, env.height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("##screen", nullptr, flags);

    Frame f{env, theme, ImGui::GetWindowDrawList(), report, {}};
    if (report) {
        *report = ScreenReport();
        report->background = theme.background;
        report->screen = empty ? "updating" : idle == IdleState::Attract ? "attract" : RouteName(session.Current());
    }
    ComputeMetrics(f);
    // No background rectangle: the frame is cleared to theme.background
    // (Platform::RenderFrame), and a software renderer would blend every
    // pixel of the screen a second time.
    views.scroll_to = -1.0f;
    views.reading_return = -1.0f;

    if (empty) {
        views.max_scroll = 0.0f;
        UpdatingScreen(f);
    } else if (idle == IdleState::Attract) {
        views.max_scroll = 0.0f;
        AttractScreen(f);
    } else {
        if (session.Current().screen != Screen::Faq)
            views.faq_focus = kLeftFaq;
        const bool picture_shown = !session.ShownPicture().empty();
        if (!picture_shown && !views.picture.key.empty())
            views.picture = ScreenViews::Picture();   // closed: it opens again unzoomed
        // A picture shown full screen covers the screen it opened from, which
        // is not drawn meanwhile and keeps its place for when it closes.
        if (picture_shown) {
            PictureScreen(f, views);
        } else {
            switch (session.Current().screen) {
            case Screen::Home: HomeScreen(f, views); break;
            case Screen::Page: PageScreen(f, views); break;
            case Screen::Faq: FaqScreen(f, views); break;
            case Screen::Search: SearchScreen(f, views); break;
            case Screen::Languages: LanguagesScreen(f, views); break;
            }
        }
        if (address_shown) {
            Frame card{idle == IdleState::Warning ? env : env_in, theme, f.draw, report, {}};
            ComputeMetrics(card);
            AddressCard(card);
            for (Intent& intent : card.intents)
                f.intents.push_back(std::move(intent));
        }
        if (idle == IdleState::Warning) {
            Frame overlay{env_in, theme, f.draw, nullptr, {}};
            ComputeMetrics(overlay);
            IdleWarning(overlay);
            for (Intent& intent : overlay.intents)
                f.intents.push_back(std::move(intent));
        }
    }
    ImGui::End();
    return std::move(f.intents);
}

void ApplyImGuiStyle(const Theme& theme)
{
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0.0f;
    style.WindowRounding = 0.0f;
    style.FrameBorderSize = 0.0f;
    auto v4 = [](Rgb c) { return ImVec4(c.r, c.g, c.b, 1.0f); };
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = v4(theme.background);
    colours[ImGuiCol_Text] = v4(theme.text);
    // No hover anywhere: a finger has no hover, and a stuck hover looks broken.
    colours[ImGuiCol_Button] = colours[ImGuiCol_ButtonHovered] = v4(theme.surface);
    colours[ImGuiCol_ButtonActive] = v4(theme.surface_pressed);
    colours[ImGuiCol_Header] = colours[ImGuiCol_HeaderHovered] = v4(theme.surface);
    colours[ImGuiCol_HeaderActive] = v4(theme.surface_pressed);
    colours[ImGuiCol_FrameBg] = colours[ImGuiCol_FrameBgHovered] = v4(theme.surface);
    colours[ImGuiCol_FrameBgActive] = v4(theme.surface_pressed);
    colours[ImGuiCol_ScrollbarGrab] = colours[ImGuiCol_ScrollbarGrabHovered] = v4(theme.text_muted);
    colours[ImGuiCol_ScrollbarGrabActive] = v4(theme.text);
}

void EndFrameAfterError()
{
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context || !context->WithinFrameScope)
        return;
    ImGui::ErrorCheckEndFrameRecover(nullptr);
    ImGui::EndFrame();
}

} // namespace ck::ui

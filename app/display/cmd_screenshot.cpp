// carekiosk screenshot: renders one screen offscreen, exactly as the kiosk
// draws it, and writes a PNG (plus, with --report, what the layout measured).
// carekiosk screenshot --check FILE.png --report FILE.json: the render tests'
// checker. It decodes the PNG and asserts it is not blank, that no text was
// laid out past the right edge, that every touch target is big enough and
// that the title's rectangle holds title-coloured pixels.
#include "display.h"
#include "usage.h"
#include "content/image_decode.h"   // WritePng
#include "kiosk_app.h"
#include "platform.h"
#include "widgets/keyboard.h"

#include <nlohmann/json.hpp>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <unordered_map>

namespace ck {

namespace {

// [SECTION] Arguments

constexpr int kFramesToSettle = 4;   // layout, texture uploads and ImGui's own settling

struct ShotOptions {
    std::string content_dir, out, report, page, screen = "home", expand, lang;
    std::string query, cache_dir;   // --query: typed on the search screen's keyboard
    std::string address;            // --address: its take-home card over the screen
    std::string picture;            // --picture: that picture (its path in the content folder) full screen
    int width = 0, height = 0;
    int text_size = -1;
    float scroll = 0.0f;            // --scroll: px down the screen; past the end stops at the end
    bool contrast = false;
};

// The intents that take a fresh session to the requested screen.
std::vector<Intent> SetUpIntents(const ShotOptions& o)
{
    std::vector<Intent> intents;
    if (!o.lang.empty())
        intents.push_back(Intent{IntentKind::SetLanguage, o.lang, 0});
    if (o.text_size >= 0)
        intents.push_back(Intent{IntentKind::SetTextSize, std::string(), o.text_size});
    if (o.contrast)
        intents.push_back(Intent{IntentKind::ToggleContrast, std::string(), 0});
    if (!o.page.empty())
        intents.push_back(Intent{IntentKind::OpenPage, o.page, 0});
    else if (o.screen == "faq")
        intents.push_back(Intent{IntentKind::OpenFaq, o.expand, 0});
    else if (o.screen == "search")
        intents.push_back(Intent{IntentKind::OpenSearch, std::string(), 0});
    else if (o.screen == "languages")
        intents.push_back(Intent{IntentKind::OpenLanguages, std::string(), 0});
    if (o.screen == "search")
        for (const Intent& key : ui::TypeIntents(o.query))
            intents.push_back(key);
    if (!o.address.empty())
        intents.push_back(Intent{IntentKind::ShowAddress, TakeHomeAddress(o.address), 0});
    if (!o.picture.empty())
        intents.push_back(Intent{IntentKind::ShowPicture, o.picture, 0});
    return intents;
}

// [SECTION] Report

nlohmann::json RgbJson(ui::Rgb c)
{
    auto byte = [](float v) { return int(std::lround(std::fmin(1.0f, std::fmax(0.0f, v)) * 255.0f)); };
    return nlohmann::json::array({byte(c.r), byte(c.g), byte(c.b)});
}

bool WriteReport(const std::string& path, const ShotOptions& o, const ui::ScreenReport& r,
                 const KioskApp::Shown& shown)
{
    nlohmann::json j;
    j["shows"] = {{"screen", shown.screen},       {"language", shown.language}, {"text_size", shown.text_size},
                  {"contrast", shown.contrast},   {"scroll", shown.scroll},     {"open_faq", shown.open_faq},
                  {"query", shown.query},         {"results", shown.results},   {"related", shown.related}};
    j["screen"] = r.screen;
    j["width"] = o.width;
    j["height"] = o.height;
    j["max_text_right"] = r.max_text_right;
    j["title_rect"] = {r.title_rect[0], r.title_rect[1], r.title_rect[2], r.title_rect[3]};
    j["title_colour"] = RgbJson(r.title_colour);
    j["background"] = RgbJson(r.background);
    j["targets"] = r.targets;
    j["min_target_px"] = r.min_target;
    j["qr_rect"] = {r.qr_rect[0], r.qr_rect[1], r.qr_rect[2], r.qr_rect[3]};
    j["qr_module_px"] = r.qr_module;
    j["picture_rect"] = {r.picture_rect[0], r.picture_rect[1], r.picture_rect[2], r.picture_rect[3]};
    j["buttons"] = nlohmann::json::array();   // what `press LABEL` finds; pictures by their description
    for (const ui::ScreenReport::Labelled& b : r.buttons)
        j["buttons"].push_back({{"label", b.label}, {"rect", {b.x0, b.y0, b.x1, b.y1}}});
    j["required_target_px"] = ui::MinTargetPx(96.0f);
    std::ofstream out(path);
    out << j.dump(2) << "\n";
    return bool(out);
}

// [SECTION] Checker

struct PixelStats {
    int distinct_colours = 0;
    double non_background = 0.0;   // fraction of pixels unlike the most common colour
    int title_pixels = 0;          // pixels in the title rectangle close to the title colour
    int title_area = 0;
};

int ColourDistance(const unsigned char* p, const nlohmann::json& rgb)
{
    return std::abs(p[0] - rgb[0].get<int>()) + std::abs(p[1] - rgb[1].get<int>()) + std::abs(p[2] - rgb[2].get<int>());
}

PixelStats MeasurePixels(const unsigned char* rgba, int w, int h, const nlohmann::json& report)
{
    PixelStats stats;
    std::unordered_map<uint32_t, int> counts;
    for (int i = 0; i < w * h; i++) {
        const unsigned char* p = rgba + 4 * i;
        counts[uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2]]++;
    }
    stats.distinct_colours = int(counts.size());
    // The most common colour is the background, whatever the theme.
    int most = 0;
    for (const auto& entry : counts)
        most = std::max(most, entry.second);
    stats.non_background = 1.0 - double(most) / (double(w) * h);

    const auto& rect = report.at("title_rect");
    const int x0 = std::max(0, int(std::floor(rect[0].get<double>())));
    const int y0 = std::max(0, int(std::floor(rect[1].get<double>())));
    const int x1 = std::min(w, int(std::ceil(rect[2].get<double>())));
    const int y1 = std::min(h, int(std::ceil(rect[3].get<double>())));
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            stats.title_area++;
            if (ColourDistance(rgba + 4 * (size_t(y) * w + x), report.at("title_colour")) <= 48)
                stats.title_pixels++;
        }
    return stats;
}

int Check(const std::string& png, const std::string& report_path)
{
    nlohmann::json report;
    try {
        std::ifstream in(report_path);
        report = nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "check: cannot read %s: %s\n", report_path.c_str(), e.what());
        return 1;
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* rgba = stbi_load(png.c_str(), &w, &h, &channels, 4);
    if (!rgba) {
        std::fprintf(stderr, "check: cannot decode %s\n", png.c_str());
        return 1;
    }
    std::vector<std::string> failures;
    PixelStats stats;
    try {
        stats = MeasurePixels(rgba, w, h, report);
        if (w != report.at("width").get<int>() || h != report.at("height").get<int>())
            failures.push_back("image is " + std::to_string(w) + "x" + std::to_string(h) + ", the report says otherwise");
        if (stats.distinct_colours < 16 || stats.non_background < 0.002)
            failures.push_back("image is blank (" + std::to_string(stats.distinct_colours) + " colours, " +
                               std::to_string(stats.non_background * 100) + "% non-background)");
        const double right = report.at("max_text_right").get<double>();
        if (right <= 0.0)
            failures.push_back("no text was laid out");
        if (right > w + 0.5)
            failures.push_back("text runs past the right edge: " + std::to_string(right) + " > " + std::to_string(w));
        if (stats.title_area == 0 || stats.title_pixels < std::max(12, stats.title_area / 200))
            failures.push_back("the title rectangle holds " + std::to_string(stats.title_pixels) +
                               " title-coloured pixels of " + std::to_string(stats.title_area));
        if (report.at("targets").get<int>() > 0 &&
            report.at("min_target_px").get<double>() + 0.5 < report.at("required_target_px").get<double>())
            failures.push_back("a touch target is only " + std::to_string(report.at("min_target_px").get<double>()) +
                               " px");
    } catch (const std::exception& e) {
        failures.push_back(std::string("malformed report: ") + e.what());
    }
    stbi_image_free(rgba);

    std::printf("%s: %d colours, %.1f%% non-background, title %d/%d px\n", png.c_str(), stats.distinct_colours,
                stats.non_background * 100.0, stats.title_pixels, stats.title_area);
    for (const std::string& failure : failures)
        std::fprintf(stderr, "%s: FAIL: %s\n", png.c_str(), failure.c_str());
    return failures.empty() ? 0 : 1;
}

// [SECTION] Rendering

int Shoot(const ShotOptions& o)
{
    // The content loads while the window and GL context open.
    std::future<LoadedKioskContent> loading = LoadKioskContentAsync(o.content_dir);
    if (!loading.valid())
        return 1;
    Platform platform;
    PlatformOptions options;
    options.offscreen = true;
    options.width = o.width;
    options.height = o.height;
    std::string error;
    const bool opened = platform.Open(options, &error);
    std::shared_ptr<const Content> content = loading.get().content;
    if (!content)
        return 1;
    if (!o.page.empty() && !content->FindPage(o.lang.empty() ? content->config.default_language : o.lang, o.page))
        return UsageError("screenshot", "no page '" + o.page + "' in " + o.content_dir);
    if (!opened) {
        std::fprintf(stderr, "carekiosk screenshot: %s\n", error.c_str());
        return 1;
    }
    KioskApp app(platform, content);
    if (!app.Init(&error)) {
        std::fprintf(stderr, "carekiosk screenshot: %s\n", error.c_str());
        return 1;
    }
    for (const Intent& intent : SetUpIntents(o))
        app.Apply(intent);
    if (o.scroll > 0.0f)
        app.ScrollTo(o.scroll);
    SearchOptions search_options;
    search_options.cache_dir = o.cache_dir;
    app.StartSearchIndex(search_options);
    app.WaitForSearchIndex();   // a screenshot shows the results, never "Preparing search"
    for (int i = 0; i < kFramesToSettle; i++)
        app.DrawFrame();
    while (app.WaitForImages())   // the pictures those frames asked for
        for (int i = 0; i < kFramesToSettle; i++)
            app.DrawFrame();

    std::vector<unsigned char> rgba;
    if (!platform.ReadPixels(&rgba) || !WritePng(o.out, o.width, o.height, rgba)) {
        std::fprintf(stderr, "carekiosk screenshot: cannot write %s\n", o.out.c_str());
        return 1;
    }
    if (!o.report.empty() && !WriteReport(o.report, o, app.LastReport(), app.WhatIsShown())) {
        std::fprintf(stderr, "carekiosk screenshot: cannot write %s\n", o.report.c_str());
        return 1;
    }
    return 0;
}

} // namespace

int RunScreenshot(const Args& args)
{
    ArgReader reader(args);
    ShotOptions o;
    const std::string check = reader.Value("--check");
    o.report = reader.Value("--report");
    o.content_dir = reader.ContentDir();
    const std::string size = reader.Value("--size");
    o.out = reader.Value("--out");
    o.page = reader.Value("--page");
    o.screen = reader.Value("--screen", "home");
    o.expand = reader.Value("--expand");
    o.query = reader.Value("--query");
    o.address = reader.Value("--address");
    o.picture = reader.Value("--picture");
    o.cache_dir = reader.Value("--cache-dir");
    o.lang = reader.Value("--lang");
    const std::string text_size = reader.Value("--text-size");
    const std::string scroll = reader.Value("--scroll");
    o.contrast = reader.Flag("--contrast");
    if (reader.Rejected("screenshot"))
        return kUsageStatus;

    if (!check.empty()) {
        if (o.report.empty())
            return UsageError("screenshot", "--check needs --report FILE.json");
        return Check(check, o.report);
    }
    if (size.empty() || !ParseSize(size, &o.width, &o.height))
        return UsageError("screenshot", size.empty() ? "--size WxH is required" : "--size wants WIDTHxHEIGHT, e.g. 1080x1920");
    if (o.out.empty())
        return UsageError("screenshot", "--out FILE.png is required");
    if (o.screen != "home" && o.screen != "faq" && o.screen != "search" && o.screen != "languages")
        return UsageError("screenshot", "--screen must be home, faq, search or languages");
    if (!o.query.empty() && args.end() == std::find(args.begin(), args.end(), "--screen"))
        o.screen = "search";   // --query alone means the search screen
    if (!o.query.empty() && (o.screen != "search" || !o.page.empty()))
        return UsageError("screenshot", "--query goes with --screen search");
    if (!o.page.empty() && args.end() != std::find(args.begin(), args.end(), "--screen"))
        return UsageError("screenshot", "give either --page or --screen, not both");
    if (!text_size.empty()) {
        char* end = nullptr;
        o.text_size = int(std::strtol(text_size.c_str(), &end, 10));
        if (*end != '\0' || o.text_size < 0 || o.text_size >= ui::TextSizeSteps())
            return UsageError("screenshot", "--text-size wants 0.." + std::to_string(ui::TextSizeSteps() - 1));
    }
    if (!scroll.empty()) {
        char* end = nullptr;
        o.scroll = std::strtof(scroll.c_str(), &end);
        if (*end != '\0' || !(o.scroll >= 0.0f && o.scroll <= 1e7f))
            return UsageError("screenshot", "--scroll wants pixels from the top, e.g. 600 (a large number shows the end)");
    }
    return Shoot(o);
}

} // namespace ck

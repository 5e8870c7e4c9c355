// The search screen and the search entry on the Home and FAQ screens.
//
// The screen draws what the app found; it never runs a query itself (a
// Xapian query reads the index from disk, which has no place in a frame). The
// app looks up the Session's (language, query) between frames whenever it
// changes and hands the result over in a SearchView. Below the title bar:
// the query in a large field (the Session owns the text; this is not an
// ImGui text box), the results (or suggested questions, or "No answer
// found"), and the on-screen keyboard (ui/keyboard.h) at the bottom.
#pragma once
#include "search/search.h"
#include "screens/screens.h"
#include <string>
#include <vector>

struct ImDrawList;

namespace ck::ui {

// What the app found for the Session's query, borrowed by the screens for a
// frame through ScreenEnv::search.
struct SearchView {
    bool ready = false;            // the index is open; until then "Preparing search..."
    std::string lang, query;       // what `results` answer
    SearchResults results;
};

// What the other screens lend the search parts for one frame (SearchDrawFor
// in screen_widgets.cpp): where to draw, the frame's metrics (pixels), and
// where tapped targets' intents go.
struct SearchDraw {
    const ScreenEnv* env = nullptr;
    const Theme* theme = nullptr;
    ImDrawList* draw = nullptr;
    ScreenReport* report = nullptr;     // may be null
    std::vector<Intent>* intents = nullptr;
    float em = 30.0f, margin = 40.0f, gap = 16.0f, target = 57.0f, button_h = 57.0f;
    float column_x0 = 0.0f, column_x1 = 0.0f;   // the centred text column
};

// A large "Search" bar with a magnifier, in a band under a screen's top bar
// (`top`); tapping it asks for OpenSearch. Returns the band's bottom edge.
float DrawSearchEntry(SearchDraw& d, float top);

// The search screen below its title bar (`top`). Sets views.max_scroll for
// the results list; views.scroll_to is left to the app.
void DrawSearchScreen(SearchDraw& d, float top, ScreenViews& views);

// Draws a magnifier centred at (cx, cy) in a `size` square (the Search icon).
void DrawMagnifier(ImDrawList* draw, float cx, float cy, float size, unsigned colour);

} // namespace ck::ui

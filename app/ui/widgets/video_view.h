// What a page's clips show this frame: the kiosk's player fills a
// VideoOverlay (ui/widgets/video_player.h makes the frames), the document
// view draws each clip's box from it and returns a tap on one as an
// IntentKind::Video intent whose value is a VideoButton.
#pragma once
#include "content/content.h"   // ImageData
#include <map>
#include <memory>
#include <set>
#include <string>

namespace ck::ui {

enum class VideoButton : int {
    Play,          // the poster's play button: start this clip (stops any other)
    Controls,      // a tap on the playing picture: show the controls, or hide them
    Pause,
    Resume,
    Restart,
    Captions,      // captions on / off
    Sound,         // sound on / off
};

struct VideoOverlay {
    std::string key;            // the clip the player holds ("" = none): the others show their poster
    unsigned texture = 0;       // its latest frame, 0 before the first
    int width = 0, height = 0;  // of that texture
    bool playing = false;       // false: paused or at its end
    bool failed = false;        // `key` cannot be played
    float controls = 0.0f;      // the controls' opacity, 0 (hidden) .. 1
    double position = 0.0, duration = 0.0;   // seconds
    bool captions = true, sound = false;
    std::string caption;        // the caption on screen now, "" = none
    std::set<std::string> broken;   // clips that failed: their poster and the message
    // The first frame of each clip without a poster beside it, once decoded.
    std::map<std::string, std::shared_ptr<const ImageData>> first_frames;
    // Words in the page's language (ui.json).
    std::string cannot_play = "This video cannot be played";
    std::string play = "Play video", pause = "Pause", resume = "Play", restart = "Start again",
                captions_on = "Captions on", captions_off = "Captions off", sound_on = "Sound on",
                sound_off = "Sound off";
};

} // namespace ck::ui

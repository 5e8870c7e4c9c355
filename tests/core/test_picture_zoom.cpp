// Zoom and pan of a picture shown full screen: fitted at first, magnified
// about the centre, panned by a drag without a gap at a covered edge.
#include "session/picture_zoom.h"
#include <catch2/catch.hpp>

using namespace ck;

TEST_CASE("at step 0 a picture fits the viewport whole and centred, larger or smaller than its own size")
{
    const PictureZoom zoom;
    const PictureBox wide = PlacePicture(zoom, 1000, 500, 800, 1000);   // fitted to the width
    CHECK(wide.x0 == 0);
    CHECK(wide.x1 == 800);
    CHECK(wide.y0 == 300);
    CHECK(wide.y1 == 700);
    const PictureBox small = PlacePicture(zoom, 100, 200, 800, 1000);   // blown up to the height
    CHECK(small.y0 == 0);
    CHECK(small.y1 == 1000);
    CHECK(small.x0 == 150);
    CHECK(small.x1 == 650);
    const PictureBox none = PlacePicture(zoom, 0, 200, 800, 1000);
    CHECK(none.x1 - none.x0 == 0);
}

TEST_CASE("zoom steps magnify about the centre and stop at both ends")
{
    PictureZoom zoom;
    CHECK_FALSE(StepZoom(&zoom, -1, 1000, 500, 800, 1000));   // already fitted
    REQUIRE(StepZoom(&zoom, +1, 1000, 500, 800, 1000));
    CHECK(ZoomFactor(zoom) == Approx(kZoomStepFactor));
    const PictureBox box = PlacePicture(zoom, 1000, 500, 800, 1000);
    CHECK(box.x1 - box.x0 == 1200);
    CHECK((box.x0 + box.x1) / 2 == 400);   // centred on the viewport's centre
    CHECK((box.y0 + box.y1) / 2 == 500);
    for (int i = 0; i < 10; i++)
        StepZoom(&zoom, +1, 1000, 500, 800, 1000);
    CHECK(zoom.step == kMaxZoomStep);
    CHECK_FALSE(StepZoom(&zoom, +1, 1000, 500, 800, 1000));
}

TEST_CASE("a drag pans a zoomed picture with the finger and never past its edges")
{
    PictureZoom zoom;
    StepZoom(&zoom, +2, 1000, 500, 800, 1000);   // 1800 px wide, 900 high in an 800 x 1000 viewport
    const PictureBox before = PlacePicture(zoom, 1000, 500, 800, 1000);
    PanPicture(&zoom, 100, 50, 1000, 500, 800, 1000);
    const PictureBox after = PlacePicture(zoom, 1000, 500, 800, 1000);
    CHECK(after.x0 - before.x0 == 100);   // follows the finger across
    CHECK(after.y0 == before.y0);         // it does not fill the height: it stays centred
    PanPicture(&zoom, 5000, 0, 1000, 500, 800, 1000);
    CHECK(PlacePicture(zoom, 1000, 500, 800, 1000).x0 == 0);      // its left edge stops at the viewport's
    PanPicture(&zoom, -5000, 0, 1000, 500, 800, 1000);
    CHECK(PlacePicture(zoom, 1000, 500, 800, 1000).x1 == 800);    // and its right edge
    StepZoom(&zoom, -2, 1000, 500, 800, 1000);
    CHECK(PlacePicture(zoom, 1000, 500, 800, 1000).x0 == 0);      // back to fitted: whole again
}

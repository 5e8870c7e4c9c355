"""Reading the kiosk's --frame-stats file (shared by the bench scripts).

The file has "# key value" header lines, among them "# first_frame_unix T"
(the unix time the first frame was presented), then one row per frame:
"t_s build_cpu_us submit_cpu_us present_wall_us screen scroll_px".
"""


def read(path):
    """(first_frame_unix, [fields of each frame row, as strings])."""
    first_unix, rows = 0.0, []
    with open(path) as f:
        for line in f:
            fields = line.split()
            if fields[:2] == ["#", "first_frame_unix"]:
                first_unix = float(fields[2])
            elif fields and not line.startswith("#"):
                rows.append(fields)
    return first_unix, rows

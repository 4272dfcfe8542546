"""The key poses of every exercise illustration, drawn by engine.py.

Each function returns a Drawing: the figure's key poses with their times in the cycle
(timed to the exercise's breathing cue), the still pose shown under reduced motion, and
the floor, mat, chair or roller. Poses are written as directions of body segments in the
picture (0 = pointing right, 90 = down, -90 = up, 180 = left) and placed so that feet,
knees, hands or back rest on the floor, roller or chair they touch. Side views face
right; `lying` has the head on the left.
"""

from __future__ import annotations

import math

from .engine import (
    FLOOR,
    FRONT_LAYERS,
    Drawing,
    Pose,
    Prop,
    chair_front,
    chair_side,
    floor,
    front_skeleton,
    mat,
    pose,
    roller,
    side_skeleton,
)

SIDE = side_skeleton()
ANKLE_Y = FLOOR - 4  # ankle height with the foot flat on the floor
KNEE_Y = FLOOR - 5  # knee resting on the floor
BACK_Y = FLOOR - 9.5  # hip or spine of someone lying on the floor
SEAT = 122  # top of a chair seat
ROLLER_R = 9


def toward(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def offset(point: tuple[float, float], dx: float = 0, dy: float = 0) -> tuple[float, float]:
    return point[0] + dx, point[1] + dy


def along(a: tuple[float, float], b: tuple[float, float], share: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share


def ahead(point: tuple[float, float], angle: float, distance: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return point[0] + distance * math.cos(rad), point[1] + distance * math.sin(rad)


def mat_top(x1: float, y1: float, x2: float, y2: float) -> Prop:
    return Prop(
        f'<rect class="mt" x="{x1:g}" y="{y1:g}" width="{x2 - x1:g}" height="{y2 - y1:g}" rx="6"/>'
    )


# --- base positions ---------------------------------------------------------------------


def standing(x: float, *, segs=SIDE) -> Pose:
    """Standing tall, facing right, arms by the sides; near ankle at x."""
    p = pose(
        segs,
        (x, 0),
        lum=-90,
        tho=-90,
        nek=-86,
        hed=-88,
        ua=95,
        fa=85,
        ua2=88,
        fa2=80,
        th=91,
        sn=90,
        ft=0,
        th2=88,
        sn2=91,
        ft2=-2,
    )
    return p.place(p.joint("ft"), (x, ANKLE_Y))


def legs_to_feet(p: Pose, ankle: tuple[float, float], ankle2: tuple[float, float]) -> Pose:
    """Standing or sitting legs that keep both feet flat where they are."""
    p.reach("th", "sn", ankle, bend=-1)
    p.reach("th2", "sn2", ankle2, bend=-1)
    p.angles.update(ft=0, ft2=-2)
    return p


def all_fours(knee_x: float, *, segs=SIDE) -> Pose:
    """On hands and knees, facing right: thighs upright, hands under the shoulders."""
    p = pose(
        segs,
        (knee_x, KNEE_Y - 33),
        lum=-14,
        tho=-12,
        nek=0,
        hed=14,
        th=90,
        sn=180,
        ft=178,
        th2=88,
        sn2=180,
        ft2=178,
        ua=90,
        fa=90,
        ua2=90,
        fa2=90,
    )
    return hands_down(p)


def hands_down(p: Pose, at: float | None = None) -> Pose:
    """Both hands flat on the floor, under the shoulders or at x = `at`."""
    x = p.joint("ua")[0] if at is None else at
    p.reach("ua", "fa", (x, FLOOR - 4.5), bend=-1)
    p.reach("ua2", "fa2", (x - 2, FLOOR - 4.5), bend=-1)
    return p


def lying(hip_x: float, *, segs=SIDE, feet_dx: float = 40) -> Pose:
    """Lying on the back, head to the left, knees bent and feet flat."""
    p = pose(
        segs,
        (hip_x, BACK_Y),
        lum=180,
        tho=180,
        nek=180,
        hed=182,
        ua=-2,
        fa=0,
        ua2=-4,
        fa2=-2,
        th=-50,
        sn=50,
        ft=0,
        th2=-50,
        sn2=50,
        ft2=0,
    )
    return feet_flat(p, hip_x + feet_dx)


def feet_flat(p: Pose, ankle_x: float, which: str = "both") -> Pose:
    if which in ("both", "near"):
        p.reach("th", "sn", (ankle_x, ANKLE_Y), bend=1)
        p.angles["ft"] = 0
    if which in ("both", "far"):
        p.reach("th2", "sn2", (ankle_x - 2, ANKLE_Y), bend=1)
        p.angles["ft2"] = 0
    return p


def seated(x: float, *, segs=SIDE) -> Pose:
    """Sitting tall on a chair seat, facing right, hands on the thighs."""
    p = pose(
        segs,
        (x, SEAT - 9),
        lum=-90,
        tho=-90,
        nek=-86,
        hed=-88,
        th=0,
        sn=90,
        ft=0,
        th2=-2,
        sn2=92,
        ft2=0,
        ua=80,
        fa=10,
        ua2=82,
        fa2=12,
    )
    legs_to_feet(p, (x + 36, ANKLE_Y), (x + 34, ANKLE_Y))
    return hands_on_thighs(p)


def hands_on_thighs(p: Pose, share: float = 0.75, lift: float = 7) -> Pose:
    for ua, fa, th in (("ua", "fa", "th"), ("ua2", "fa2", "th2")):
        hip, knee = p.joint(th), p.end(th)
        p.reach(ua, fa, offset(along(hip, knee, share), 0, -lift), bend=-1)
    return p


def front_of(p: Pose, segment: str, share: float, depth: float) -> tuple[float, float]:
    """A point on the front surface of the body: `share` along the segment, `depth`
    in front of its centre line (side views: front is the local +y side)."""
    start, end = p.joint(segment), p.end(segment)
    angle = p.angles[segment] + 90
    return ahead(along(start, end, share), angle, depth)


# --- lying on the back ------------------------------------------------------------------


def pelvic_tilt() -> Drawing:
    rest = lying(150)
    rest.angles.update(lum=204, tho=167)  # a small hollow under the lower back
    rest.place(rest.end("tho"), offset(lying(150).end("tho")))
    flat = lying(150).copy(lum=177, tho=181)
    feet = rest.end("sn")
    for p in (rest, flat):
        p.reach("th", "sn", feet, bend=1)
        p.reach("th2", "sn2", offset(feet, -2), bend=1)
    # Out as the back flattens (3 s), hold, in as it relaxes (3 s).
    keys = [(0, rest), (35, flat), (55, flat), (90, rest), (100, rest)]
    return Drawing("pelvic-tilt", SIDE, keys, 1, 8, [floor(), mat(30, 215)], zoom=1.45, centre=135)


def knee_hug() -> Drawing:
    down = lying(150)
    hug = down.copy(th=-118, sn=12, ft=-80)
    grip = hug.end("th")
    hug.reach("ua", "fa", offset(grip, 2, 6), bend=1)
    hug.reach("ua2", "fa2", offset(grip, 4, 8), bend=1)
    # Out as the knee comes in (2.5 s), hold and breathe, lower (2.5 s).
    keys = [(0, down), (25, hug), (75, hug), (100, down)]
    return Drawing("knee-hug", SIDE, keys, 1, 10, [floor(), mat(30, 215)], zoom=1.45, centre=135)


def knee_to_chest() -> Drawing:
    # The near leg crosses: its ankle rests on the far knee and its thigh points out of
    # the picture, so it looks short. The far (uncrossed) thigh is drawn to the chest.
    segs = side_skeleton(th=17, sn=17)
    down = lying(150, segs=segs)
    down.reach("th2", "sn2", (190, ANKLE_Y), bend=1)

    def crossed(p: Pose) -> Pose:
        # Both parts of the crossed leg point partly out of the picture: the leg shows
        # as a short fold lying over the other thigh, the foot past its knee.
        knee = p.end("th2")
        p.reach("th", "sn", offset(knee, 0, -9), bend=1)
        p.angles["ft"] = p.angles["sn"] - 60
        return p

    start = crossed(down.copy())
    pulled = down.copy(th2=-112, sn2=-4, ft2=-70)
    crossed(pulled)
    grip = along(pulled.joint("th2"), pulled.end("th2"), 0.7)
    pulled.reach("ua", "fa", offset(grip, 3, 5), bend=1)
    pulled.reach("ua2", "fa2", offset(grip, 5, 7), bend=1)
    start.reach("ua", "fa", offset(start.joint("ua"), 40, 2), bend=1)
    # Breathe slowly, easing in on an out-breath; hold; lower.
    keys = [(0, start), (25, pulled), (80, pulled), (100, start)]
    return Drawing(
        "knee-to-chest", segs, keys, 1, 10, [floor(), mat(30, 215)], zoom=1.45, centre=135
    )


def _bridge(down: Pose, angle: float) -> Pose:
    """Hips lifted so the spine rises `angle` degrees from the upper back on the floor."""
    neck, ankle = down.end("tho"), down.end("sn")
    p = down.copy()
    rad = math.radians(angle)
    p.root = (neck[0] + 43 * math.cos(rad), neck[1] - 43 * math.sin(rad))
    p.angles.update(lum=180 - angle, tho=180 - angle, ua=-2 + 0, fa=0)
    p.reach("th", "sn", ankle, bend=1)
    p.reach("th2", "sn2", offset(ankle, -2), bend=1)
    for ua, fa in (("ua", "fa"), ("ua2", "fa2")):
        p.reach(ua, fa, offset(p.joint(ua), 42, BACK_Y + 2 - p.joint(ua)[1]), bend=1)
    return p


def glute_bridge() -> Drawing:
    down = lying(150)
    up = _bridge(down, 28)
    # Out as you lift (3 s), pause, in as you lower (3.5 s).
    keys = [(0, down), (35, up), (50, up), (88, down), (100, down)]
    return Drawing("glute-bridge", SIDE, keys, 2, 9, [floor(), mat(30, 215)], zoom=1.45, centre=140)


def single_leg_bridge() -> Drawing:
    down = lying(150)
    up = _bridge(down, 28)
    line = toward(up.end("tho"), up.joint("lum"))  # shoulders to hips
    reach = up.copy(th=line + 2, sn=line + 2, ft=line - 75)
    # Out to lift and straighten, hold a breath, in to put the foot down and lower.
    keys = [(0, down), (25, up), (45, reach), (65, reach), (82, up), (100, down)]
    return Drawing(
        "single-leg-bridge", SIDE, keys, 3, 11, [floor(), mat(30, 215)], zoom=1.45, centre=140
    )


def heel_slides() -> Drawing:
    bent = lying(140)
    half = bent.copy()
    feet_flat(half, 140 + 52, "near")
    long = bent.copy()
    long.reach("th", "sn", (140 + 61, FLOOR - 5), bend=1)
    long.angles["ft"] = -75
    half.angles["ft"] = -30
    # Out as the heel slides away (3 s), in as it comes back (3 s).
    keys = [(0, bent), (20, half), (40, long), (55, long), (75, half), (95, bent), (100, bent)]
    return Drawing("heel-slides", SIDE, keys, 2, 8, [floor(), mat(30, 225)], zoom=1.4, centre=130)


def dead_bug() -> Drawing:
    base = lying(150)
    base.angles.update(th=-90, sn=0, ft=-80, th2=-92, sn2=-2, ft2=-82, ua=-90, fa=-90)
    base.angles.update(ua2=-92, fa2=-92)
    # Near arm overhead with the far leg long; then far arm with the near leg.
    first = base.copy(ua=-172, fa=-176, th2=-22, sn2=-20, ft2=-95)
    second = base.copy(ua2=-170, fa2=-174, th=-20, sn=-18, ft=-93)
    # Out as you reach away (3 s), in as you return (3 s); then the other side.
    keys = [(0, base), (25, first), (35, first), (50, base), (75, second), (85, second)]
    keys.append((100, base))
    return Drawing("dead-bug", SIDE, keys, 1, 12, [floor(), mat(15, 230)], zoom=1.2, centre=135)


# --- lying on the back, seen from above (twists) ---------------------------------------

TOP = front_skeleton(thigh=23, shin=20, foot=9, neck=2)


def lying_from_above(rock: float) -> Pose:
    """Seen from above and a little from the side (70 degrees up): lying on the back,
    head left, arms out; both bent knees lowered `rock` degrees to one side (+: towards
    the viewer, at the bottom of the picture)."""
    p = pose(
        TOP,
        (150, 84),
        pel=-90,
        lum=180,
        tho=180,
        nek=180,
        hed=180,
        eye=180,
        ual=-98,
        fal=-104,
        uar=98,
        far=104,
        thl=0,
        snl=0,
        ftl=0,
        thr=0,
        snr=0,
        ftr=0,
    )
    # A bent knee is up off the floor: seen from this angle it shows above the line from
    # hip to foot; lowered to the side it moves towards that side. The leg's outline is
    # sheared so that hip and foot stay where they are.
    rad = math.radians(rock)
    knee = 23 * (0.94 * math.sin(rad) - 0.34 * math.cos(rad))
    thigh_tan = knee / 23
    shin_tan = -knee / 20 - thigh_tan
    # Lowered knees stack one above the other, so the legs close up.
    spread = 7 * math.cos(rad)
    for side, sign in (("l", 1), ("r", -1)):
        p.skew[f"th{side}"] = math.degrees(math.atan(thigh_tan))
        p.skew[f"sn{side}"] = math.degrees(math.atan(shin_tan))
        p.attach[f"th{side}"] = (sign * spread, 0)
    return p


def knee_rocks() -> Drawing:
    middle, one, other = lying_from_above(0), lying_from_above(50), lying_from_above(-50)
    # Out as the knees lower (3 s), in as they come back (3 s), to each side.
    keys = [(0, middle), (25, one), (50, middle), (75, other), (100, middle)]
    return _from_above("knee-rocks", keys, 1, 12)


def lying_twist() -> Drawing:
    middle, one, other = lying_from_above(0), lying_from_above(68), lying_from_above(-68)
    keys = [(0, middle), (15, one), (45, one), (55, middle), (65, other), (95, other)]
    keys.append((100, middle))
    return _from_above("lying-twist", keys, 2, 16)


def _from_above(slug: str, keys, still: int, seconds: float) -> Drawing:
    return Drawing(
        slug,
        TOP,
        keys,
        still,
        seconds,
        [mat_top(44, 22, 214, 138)],
        layers=["arm_r", "arm_l", "legs", "neck", "torso", "head"],
        hidden={"pel"},
    )


# --- lying on the front -----------------------------------------------------------------


def sphinx() -> Drawing:
    flat = pose(
        SIDE,
        (105, FLOOR - 9),
        lum=0,
        tho=0,
        nek=2,
        hed=4,
        th=180,
        sn=180,
        ft=182,
        th2=181,
        sn2=181,
        ft2=183,
        ua=0,
        fa=0,
        ua2=0,
        fa2=0,
    )
    head = flat.end("hed")
    flat.reach("ua", "fa", offset(head, 2, 6), bend=1)
    flat.reach("ua2", "fa2", offset(head, 4, 6), bend=1)
    up = flat.copy(lum=-8, tho=-26, nek=-40, hed=-30)
    shoulder = up.joint("ua")
    up.reach("ua", "fa", (shoulder[0] + 2, FLOOR - 4), bend=-1)
    up.angles["fa"] = 0
    up.reach("ua2", "fa2", (shoulder[0], FLOOR - 4), bend=-1)
    up.angles["fa2"] = -2
    # Lift onto the forearms, then rest there breathing slowly; lower.
    keys = [(0, flat), (25, up), (80, up), (100, flat)]
    return Drawing("sphinx", SIDE, keys, 1, 12, [floor(), mat(15, 230)], zoom=1.2, centre=100)


# --- on hands and knees -----------------------------------------------------------------


def cat_cow() -> Drawing:
    base = all_fours(95)
    cat = hands_down(base.copy(lum=-44, tho=6, nek=64, hed=82))
    cow = hands_down(base.copy(lum=12, tho=-36, nek=-42, hed=-52))
    # In (4 s) for cow, out (4 s) for cat.
    keys = [(0, cat), (40, cow), (50, cow), (90, cat), (100, cat)]
    return Drawing("cat-cow", SIDE, keys, 0, 10, [floor(), mat(40, 200)], zoom=1.5, centre=112)


def _rocked(knee: tuple[float, float], share: float, hands_x: float) -> Pose:
    """All fours rocked back: `share` 0 is hips over knees, 1 is sitting on the heels.
    The hands stay where they are; the arms lengthen forward and the back stays long."""
    thigh = 90 - 84 * share  # hip to knee: the hips move back over the heels
    p = all_fours(knee[0])
    p.root = ahead(knee, thigh + 180, 33)
    arms = 90 - 52 * share  # from the hands back up to the shoulders
    shoulder = ahead((hands_x, FLOOR - 4.5), arms + 180, 42)
    spine = toward(p.root, shoulder)
    p.angles.update(lum=spine - 6, tho=spine + 4, nek=spine + 14, hed=spine + 28)
    p.angles.update(th=thigh, th2=thigh - 2)
    return hands_down(p, hands_x)


def rock_back() -> Drawing:
    knee = (80, KNEE_Y)
    forward = all_fours(knee[0])
    hands = forward.joint("ua")[0]
    back = _rocked(knee, 0.7, hands)
    # Out as you rock back (3 s), in as you come forward (3 s).
    keys = [(0, forward), (40, back), (50, back), (90, forward), (100, forward)]
    return Drawing("rock-back", SIDE, keys, 1, 8, [floor(), mat(25, 215)], zoom=1.45, centre=105)


def childs_pose() -> Drawing:
    knee = (75, KNEE_Y)
    start = all_fours(knee[0])
    hands = start.joint("ua")[0] + 28
    start = hands_down(start, start.joint("ua")[0])
    rest = _rocked(knee, 1.0, hands)
    breathe = hands_down(rest.copy(lum=rest.angles["lum"] - 5, tho=rest.angles["tho"] - 2), hands)
    # Settle back, then breathe slowly into the back (it rises a little) and rest.
    keys = [(0, start), (20, rest), (45, breathe), (70, rest), (85, breathe), (100, start)]
    return Drawing("childs-pose", SIDE, keys, 1, 14, [floor(), mat(20, 225)], zoom=1.45, centre=105)


def leg_reach() -> Drawing:
    base = all_fours(100)
    back_x = base.joint("th")[0] - 62
    slide = base.copy()
    slide.reach("th", "sn", (back_x, FLOOR - 5), bend=-1)
    slide.angles["ft"] = 200
    lift = base.copy(th=182, sn=182, ft=252)
    # Out as the leg reaches back and lifts, in as it returns.
    keys = [(0, base), (30, slide), (45, lift), (60, lift), (75, slide), (100, base)]
    return Drawing("leg-reach", SIDE, keys, 3, 10, [floor(), mat(15, 210)], zoom=1.4, centre=100)


def bird_dog() -> Drawing:
    base = all_fours(100)
    first = base.copy(ua=-6, fa=-6, th2=182, sn2=182, ft2=252)  # near arm, far leg
    second = base.copy(ua2=-8, fa2=-8, th=180, sn=180, ft=250)  # far arm, near leg
    # Out as you reach, hold a breath, in as you return; then the other side.
    keys = [(0, base), (20, first), (35, first), (50, base), (70, second), (85, second)]
    keys.append((100, base))
    return Drawing("bird-dog", SIDE, keys, 2, 12, [floor(), mat(15, 225)], zoom=1.25, centre=105)


# --- foam roller ------------------------------------------------------------------------


def _on_roller(hip_x: float, lift: float, roller_x: float, segs=SIDE) -> Pose:
    """Lying face up with the upper back on a roller at roller_x, hips `lift` off the
    floor, feet flat."""
    top = (roller_x, FLOOR - 2 * ROLLER_R)
    hip = (hip_x, BACK_Y - lift)
    # The back touches the roller's top: its centre line passes 10 above the contact.
    spine = toward(hip, offset(top, 0, -10))
    p = pose(
        segs,
        hip,
        lum=spine,
        tho=spine,
        nek=spine + 8,
        hed=spine + 10,
        th=-50,
        sn=50,
        ft=0,
        th2=-50,
        sn2=50,
        ft2=0,
        ua=0,
        fa=0,
        ua2=0,
        fa2=0,
    )
    return p


# Arms crossed over the chest point out of the picture, so they look short.
CROSSED_ARMS = side_skeleton(ua=13, fa=11, ua2=13, fa2=11)


def foam_roller_back() -> Drawing:
    feet = 176

    def rolled(hip_x: float, roller_x: float) -> Pose:
        p = _on_roller(hip_x, 3, roller_x, segs=CROSSED_ARMS)
        feet_flat(p, feet)
        # Arms crossed over the chest, hands on the opposite shoulders.
        p.reach("ua", "fa", front_of(p, "tho", 0.92, 6), bend=1)
        p.reach("ua2", "fa2", front_of(p, "tho", 0.88, 4), bend=1)
        return p

    near, far = rolled(132, 100), rolled(124, 96)
    roll = roller(0, FLOOR - ROLLER_R, moves=[(100, 0), (96, 0), (100, 0)])
    # Slow, even rolling of a few centimetres, breathing out as the back softens.
    keys = [(0, near), (50, far), (100, near)]
    return Drawing(
        "foam-roller-back",
        CROSSED_ARMS,
        keys,
        0,
        6,
        [floor(), mat(30, 215), roll],
        zoom=1.45,
        centre=125,
    )


# Bends at the mid back, where the roller sits (just below the shoulder blades).
MID_BACK = side_skeleton(lum=27, tho=16)
for _seg in MID_BACK:
    if _seg.name in ("ua", "ua2"):
        _seg.attach = (11, 0)


def foam_roller_extension() -> Drawing:
    roller_x = 100

    def arched(back: float) -> Pose:
        p = _on_roller(140, -1, roller_x, segs=MID_BACK)
        feet_flat(p, 178)
        p.angles.update(tho=p.angles["tho"] + back, nek=p.angles["tho"] + back + 6)
        p.angles["hed"] = p.angles["nek"] + 4
        head = p.end("hed")
        behind = ahead(head, p.angles["hed"] - 90, 9)  # hands behind the head
        p.reach("ua", "fa", behind, bend=-1)
        p.reach("ua2", "fa2", offset(behind, 1, 1), bend=-1)
        return p

    curled, eased = arched(14), arched(-16)
    # Out as you ease back over the roller (3 s), in as you come up (3 s).
    keys = [(0, curled), (40, eased), (55, eased), (95, curled), (100, curled)]
    return Drawing(
        "foam-roller-extension",
        MID_BACK,
        keys,
        1,
        8,
        [floor(), mat(30, 215), roller(roller_x, FLOOR - ROLLER_R)],
        zoom=1.45,
        centre=125,
    )


def foam_roller_seat() -> Drawing:
    segs = side_skeleton(th=18)

    def seated_on_roller(shift: float) -> Pose:
        roller_x = 100 + shift / 2
        hip = (roller_x + shift / 2, FLOOR - 2 * ROLLER_R - 8)
        p = pose(
            segs,
            hip,
            lum=-118,
            tho=-112,
            nek=-100,
            hed=-96,
            th=0,
            sn=0,
            ft=0,
            th2=-30,
            sn2=60,
            ft2=0,
            ua=0,
            fa=0,
            ua2=0,
            fa2=0,
        )
        p.reach("th2", "sn2", (hip[0] + 46, ANKLE_Y), bend=1)  # supporting leg
        knee = p.end("th2")
        p.reach("th", "sn", offset(knee, -2, -8), bend=1)  # crossed ankle on that knee
        p.angles["ft"] = p.angles["sn"] - 75
        for ua, fa, dx in (("ua", "fa", -34), ("ua2", "fa2", -37)):
            p.reach(ua, fa, (hip[0] + dx, FLOOR - 4.5), bend=-1)
        return p

    ahead_, back = seated_on_roller(4), seated_on_roller(-4)
    roll = roller(0, 0, moves=[(102, FLOOR - ROLLER_R), (98, FLOOR - ROLLER_R)] * 1)
    keys = [(0, ahead_), (50, back)]
    keys.append((100, ahead_))
    roll.moves = [(102, FLOOR - ROLLER_R), (98, FLOOR - ROLLER_R), (102, FLOOR - ROLLER_R)]
    return Drawing(
        "foam-roller-seat",
        segs,
        keys,
        0,
        6,
        [floor(), mat(30, 215), roll],
        zoom=1.35,
        centre=112,
    )


# --- sitting on a chair -----------------------------------------------------------------


def _chair(x: float) -> Prop:
    return chair_side(x + 2, SEAT, back=-1)


def seated_cat_cow() -> Drawing:
    x = 105
    cow = hands_on_thighs(seated(x).copy(lum=-62, tho=-106, nek=-112, hed=-124))
    cat = hands_on_thighs(seated(x).copy(lum=-110, tho=-58, nek=-26, hed=-8))
    keys = [(0, cat), (40, cow), (50, cow), (90, cat), (100, cat)]
    return Drawing("seated-cat-cow", SIDE, keys, 0, 10, [floor(), _chair(x)], zoom=1.1, centre=120)


def seated_forward_bend() -> Drawing:
    x = 105
    tall = seated(x)
    folded = tall.copy(lum=-40, tho=30, nek=75, hed=88)
    folded.reach("ua", "fa", offset(folded.joint("ft"), -2, -6), bend=1)
    folded.reach("ua2", "fa2", offset(folded.joint("ft2"), -4, -6), bend=1)
    # Out as you fold (4 s), rest and breathe, then push up slowly.
    keys = [(0, tall), (30, folded), (75, folded), (100, tall)]
    return Drawing(
        "seated-forward-bend", SIDE, keys, 1, 12, [floor(), _chair(x)], zoom=1.1, centre=120
    )


def seated_figure_four() -> Drawing:
    x = 105
    segs = side_skeleton(th=15)
    tall = seated(x, segs=segs)
    knee = tall.end("th2")
    tall.reach("th", "sn", offset(knee, 2, -9), bend=1)
    tall.angles["ft"] = tall.angles["sn"] - 80

    def with_hand(p: Pose) -> Pose:
        p.reach("ua", "fa", offset(p.end("th"), 3, -4), bend=-1)
        p.reach("ua2", "fa2", offset(p.end("th2"), -4, -7), bend=-1)
        return p

    with_hand(tall)
    lean = with_hand(tall.copy(lum=-52, tho=-50, nek=-44, hed=-40))
    # Out as you lean forward (3 s), hold and breathe, sit up.
    keys = [(0, tall), (30, lean), (80, lean), (100, tall)]
    return Drawing(
        "seated-figure-four", segs, keys, 1, 10, [floor(), _chair(x)], zoom=1.1, centre=120
    )


def seated_knee_hug() -> Drawing:
    x = 105
    tall = seated(x)
    hug = tall.copy(th=-48, sn=70, ft=-10)
    shin = along(hug.joint("sn"), hug.end("sn"), 0.22)
    hug.reach("ua", "fa", offset(shin, 5, 0), bend=-1)
    hug.reach("ua2", "fa2", offset(shin, 7, 2), bend=-1)
    keys = [(0, tall), (25, hug), (75, hug), (100, tall)]
    return Drawing("seated-knee-hug", SIDE, keys, 1, 10, [floor(), _chair(x)], zoom=1.1, centre=120)


def sit_to_stand() -> Drawing:
    x = 100
    sit = seated(x)
    ankles = sit.end("sn"), sit.end("sn2")
    lean = hands_on_thighs(sit.copy(lum=-42, tho=-40, nek=-36, hed=-34))
    rise = sit.copy(lum=-52, tho=-50, nek=-44, hed=-40)
    rise.root = (x + 14, SEAT - 20)
    legs_to_feet(rise, *ankles)
    hands_on_thighs(rise)
    stand = standing(ankles[0][0])
    stand.root = (ankles[0][0] - 1, stand.root[1])
    legs_to_feet(stand, *ankles)
    # Out as you stand (3 s), pause, in as you sit down slowly (3.5 s).
    keys = [(0, sit), (15, lean), (30, rise), (45, stand), (60, stand), (78, rise), (90, lean)]
    keys.append((100, sit))
    return Drawing("sit-to-stand", SIDE, keys, 2, 10, [floor(), _chair(x)], zoom=1.0, centre=120)


# --- standing ---------------------------------------------------------------------------


def standing_back_bend() -> Drawing:
    tall = standing(120)
    back = tall.copy(lum=-100, tho=-118, nek=-125, hed=-132, th=86, sn=92, th2=84, sn2=93)
    back.place(back.joint("ft"), tall.joint("ft"))
    for p in (tall, back):
        for ua, fa in (("ua", "fa"), ("ua2", "fa2")):
            p.reach(ua, fa, offset(p.joint("lum"), -9, -4), bend=-1)
    # In as you lean back (3 s), out as you come up (3.5 s).
    keys = [(0, tall), (35, back), (45, back), (85, tall), (100, tall)]
    return Drawing("standing-back-bend", SIDE, keys, 1, 8, [floor()])


def _bent_over(x: float) -> Pose:
    """Standing, knees soft, leaning forward with the hands on the thighs."""
    p = standing(x)
    ankles = p.end("sn"), p.end("sn2")
    p.root = (x - 12, p.root[1] + 5)
    legs_to_feet(p, *ankles)
    p.angles.update(lum=-40, tho=-35, nek=-30, hed=-25)
    return hands_on_thighs(p, 0.82, 6)


def standing_cat_cow() -> Drawing:
    base = _bent_over(120)
    cow = hands_on_thighs(base.copy(lum=-14, tho=-62, nek=-72, hed=-84), 0.82, 6)
    cat = hands_on_thighs(base.copy(lum=-70, tho=-12, nek=30, hed=50), 0.82, 6)
    keys = [(0, cat), (40, cow), (50, cow), (90, cat), (100, cat)]
    return Drawing("standing-cat-cow", SIDE, keys, 0, 10, [floor()], zoom=1.05, centre=118)


def hip_hinge() -> Drawing:
    tall = standing(125)
    ankles = tall.end("sn"), tall.end("sn2")
    hinged = tall.copy(lum=-28, tho=-26, nek=-20, hed=-16)
    hinged.root = (125 - 20, tall.root[1] + 5)
    legs_to_feet(hinged, *ankles)
    for p in (tall, hinged):
        waist = front_of(p, "lum", 0.1, 8)
        p.reach("ua", "fa", waist, bend=-1)
        p.reach("ua2", "fa2", offset(waist, -2, 0), bend=-1)
    # In as you hinge forward (3 s), out as you stand up (3 s).
    keys = [(0, tall), (38, hinged), (48, hinged), (88, tall), (100, tall)]
    return Drawing("hip-hinge", SIDE, keys, 1, 8, [floor()], zoom=1.0, centre=115)


def standing_knee_lifts() -> Drawing:
    x = 100
    tall = standing(x)
    chair = chair_side(x + 52, SEAT, back=-1)
    top = (x + 36, SEAT - 44)  # the top of the backrest
    ankles = tall.end("sn"), tall.end("sn2")
    for p in (tall,):
        p.reach("ua", "fa", offset(top, 0, -3), bend=-1)
    near = tall.copy(th=-2, sn=88, ft=10)
    far = tall.copy(th2=-4, sn2=86, ft2=8)
    for p in (near, far):
        p.reach("ua", "fa", offset(top, 0, -3), bend=-1)
    legs_to_feet(tall, *ankles)
    # Steady breathing, one knee then the other.
    keys = [(0, tall), (20, near), (40, tall), (50, tall), (70, far), (90, tall), (100, tall)]
    return Drawing(
        "standing-knee-lifts",
        SIDE,
        keys,
        1,
        6,
        [floor(), chair],
        layers=["far_arm", "far_leg", "torso", "near_leg", "near_arm"],
    )


# --- seen from the front ----------------------------------------------------------------

FRONT = front_skeleton()


def _front_standing(x: float) -> Pose:
    p = pose(
        FRONT,
        (x, 0),
        pel=0,
        lum=-90,
        tho=-90,
        nek=-90,
        hed=-90,
        eye=-90,
        uar=96,
        far=92,
        ual=84,
        fal=88,
        thr=92,
        snr=90,
        ftr=100,
        thl=88,
        snl=90,
        ftl=80,
    )
    return p.place(p.end("snr"), (x - 9, ANKLE_Y))


def standing_side_bend() -> Drawing:
    tall = _front_standing(120)

    def bent(direction: int) -> Pose:
        # direction -1: towards the viewer's left (the figure's right side).
        p = tall.copy(
            lum=-90 + direction * 10,
            tho=-90 + direction * 26,
            nek=-90 + direction * 30,
            hed=-90 + direction * 30,
            eye=-90 + direction * 30,
        )
        slide, hang = ("r", "l") if direction < 0 else ("l", "r")
        thigh = along(p.joint(f"th{slide}"), p.end(f"th{slide}"), 0.85)
        p.reach(f"ua{slide}", f"fa{slide}", offset(thigh, direction * 9, 0), bend=direction)
        p.angles[f"ua{hang}"] = 90 + direction * 12
        p.angles[f"fa{hang}"] = 90 + direction * 4
        return p

    left, right = bent(-1), bent(1)
    for p in (tall,):
        p.reach("uar", "far", offset(along(p.joint("thr"), p.end("thr"), 0.15), -9, 0), bend=-1)
        p.reach("ual", "fal", offset(along(p.joint("thl"), p.end("thl"), 0.15), 9, 0), bend=1)
    # Out as you bend (3 s), in as you come up (3 s); one side, then the other.
    keys = [(0, tall), (25, left), (35, left), (50, tall), (75, right), (85, right)]
    keys.append((100, tall))
    return Drawing("standing-side-bend", FRONT, keys, 1, 12, [floor()], layers=list(FRONT_LAYERS))


SEATED_FRONT = front_skeleton(thigh=6, shin=27, thigh_width=12, hips=9)


def seated_twist() -> Drawing:
    x = 120

    def sitting(turn: float) -> Pose:
        # turn: 0 facing the viewer, 1 turned to the figure's right (the viewer's left).
        p = pose(
            SEATED_FRONT,
            (x, SEAT - 9),
            pel=0,
            lum=-90,
            tho=-90,
            nek=-90,
            hed=-90,
            eye=-90,
            thr=90,
            snr=92,
            ftr=100,
            thl=90,
            snl=88,
            ftl=80,
            uar=100,
            far=60,
            ual=80,
            fal=120,
        )
        p.attach["ual"] = (20, 14 - 10 * turn)
        p.attach["uar"] = (20, -14 + 4 * turn)
        p.attach["eye"] = (9, -6 * turn)
        knee_r = p.end("thr")
        if turn:
            p.reach("ual", "fal", offset(knee_r, -8, 2), bend=-1)  # left hand: right knee
            p.reach("uar", "far", (x - 24, SEAT + 1), bend=1)  # right hand: the chair
        else:
            p.reach("ual", "fal", offset(p.end("thl"), 3, -3), bend=1)
            p.reach("uar", "far", offset(knee_r, -3, -3), bend=-1)
        return p

    front, turned = sitting(0), sitting(1)
    # Grow tall as you breathe in; turn a little as you breathe out; hold; come back.
    keys = [(0, front), (35, turned), (75, turned), (100, front)]
    return Drawing(
        "seated-twist",
        SEATED_FRONT,
        keys,
        1,
        10,
        [floor(), chair_front(x, SEAT)],
        layers=list(FRONT_LAYERS),
        zoom=1.3,
        centre=120,
    )


DRAWINGS = {
    drawing.__name__.replace("_", "-"): drawing
    for drawing in (
        foam_roller_back,
        foam_roller_extension,
        foam_roller_seat,
        pelvic_tilt,
        knee_rocks,
        lying_twist,
        knee_hug,
        knee_to_chest,
        glute_bridge,
        single_leg_bridge,
        heel_slides,
        dead_bug,
        sphinx,
        cat_cow,
        rock_back,
        childs_pose,
        leg_reach,
        bird_dog,
        seated_twist,
        seated_cat_cow,
        seated_forward_bend,
        seated_figure_four,
        seated_knee_hug,
        sit_to_stand,
        standing_back_bend,
        standing_cat_cow,
        standing_side_bend,
        hip_hinge,
        standing_knee_lifts,
    )
}

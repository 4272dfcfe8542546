"""A small 2-D figure engine that writes the exercise illustrations as animated SVG.

A figure is a tree of body segments (thigh, shin, upper arm, ...), each drawn as a thick
round-capped stroke with an outline, so limbs, joints and the body outline read at any
size. A pose gives each segment its direction in the picture (degrees: 0 points right,
90 points down); the engine turns poses into nested SVG groups whose CSS transforms
animate from one key pose to the next. Without animation (reduced motion) each group
keeps the key pose chosen as the still picture.

Colours, dark mode and reduced motion are in the SVG's own <style>, because the pages
show it through <img>, which cannot see the page's stylesheet; a style inside an image
is not governed by the page's Content-Security-Policy (see tests/e2e/test_illustrations.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

WIDTH, HEIGHT = 240, 160
FLOOR = 150.0
OUTLINE = 5.0  # extra stroke width of the outline pass (2.5 each side)

# Light and dark palettes: background, floor, mat, outline, shirt, trousers, skin, hair,
# shoes, the far-side shades, chair, roller.
PALETTE = {
    "bg": ("#eef6f3", "#14232a"),
    "fl": ("#9dbdb3", "#5d827b"),
    "mt": ("#b7dccf", "#2c4f49"),
    "o": ("#1c3631", "#071012"),
    "s": ("#2f9a82", "#4cc3a5"),
    "s2": ("#22725f", "#2f8a74"),
    "t": ("#4a6a9a", "#7d9ed6"),
    "t2": ("#344d74", "#56719f"),
    "k": ("#e0ae86", "#e6b893"),
    "k2": ("#bf8d66", "#bd906c"),
    "h": ("#4a3326", "#2a1c14"),
    "sh": ("#36404d", "#98a6b8"),
    "ch": ("#c08a5a", "#c9976a"),
    "ch2": ("#93643b", "#a47650"),
    "r": ("#f08a4b", "#e88a52"),
    "r2": ("#c4652c", "#b8672f"),
}


@dataclass
class Seg:
    """A body segment: drawn from its joint along its local x axis."""

    name: str
    parent: str | None
    attach: tuple[float, float]  # joint position in the parent's local frame
    length: float
    width: float
    paint: str
    layer: str
    kind: str = "limb"  # "limb", "head", "face", "hand" (limb with a hand), "foot"


def side_skeleton(**lengths: float) -> list[Seg]:
    """A figure seen from the side; local +y of the spine is the front of the body.
    `lengths` shortens segments that point out of the picture (a crossed leg's thigh)."""
    segs = [
        Seg("lum", None, (0, 0), 15, 18, "s", "torso"),
        Seg("tho", "lum", (15, 0), 28, 20, "s", "torso"),
        Seg("nek", "tho", (28, 0), 6, 8, "k", "neck"),
        Seg("hed", "nek", (6, 0), 8, 19, "k", "head", "head"),
    ]
    for side, suffix, shade in (("near", "", ""), ("far", "2", "2")):
        segs += [
            Seg(f"ua{suffix}", "tho", (23, 0), 23, 8.5, f"s{shade}", f"{side}_arm"),
            Seg(f"fa{suffix}", f"ua{suffix}", (23, 0), 20, 7, f"k{shade}", f"{side}_arm", "hand"),
            Seg(f"th{suffix}", None, (0, 0), 33, 13, f"t{shade}", f"{side}_leg"),
            Seg(f"sn{suffix}", f"th{suffix}", (33, 0), 31, 10, f"t{shade}", f"{side}_leg"),
            Seg(f"ft{suffix}", f"sn{suffix}", (31, 0), 10, 6.5, "sh", f"{side}_leg", "foot"),
        ]
    by_name = {seg.name: seg for seg in segs}
    for name, length in lengths.items():
        by_name[name].length = length
        for child in segs:
            if child.parent == name:
                child.attach = (length, child.attach[1])
    return segs


def front_skeleton(
    *,
    thigh: float = 33,
    shin: float = 31,
    foot: float = 5,
    neck: float = 7,
    thigh_width: float = 13,
    hips: float = 8,
) -> list[Seg]:
    """A figure seen from the front (or lying, seen from above). The pelvis' local x runs
    to the figure's left; the spine's local y too. Its left is the viewer's right when
    the figure faces the viewer standing."""
    segs = [
        Seg("pel", None, (0, 0), 0, 22, "t", "torso"),  # drawn across, see _path
        Seg("lum", None, (0, 0), 15, 24, "s", "torso"),
        Seg("tho", "lum", (15, 0), 24, 30, "s", "torso"),
        Seg("nek", "tho", (24, 0), neck, 9, "k", "neck"),
        Seg("hed", "nek", (neck, 0), 8, 19, "k", "head", "face"),
        Seg("eye", "hed", (9, 0), 0, 0, "o", "head", "eyes"),
    ]
    for side, sign in (("r", -1), ("l", 1)):
        segs += [
            Seg(f"ua{side}", "tho", (20, sign * 14), 23, 8.5, "s", f"arm_{side}"),
            Seg(f"fa{side}", f"ua{side}", (23, 0), 20, 7, "k", f"arm_{side}", "hand"),
            Seg(f"th{side}", "pel", (sign * hips, 0), thigh, thigh_width, "t", "legs"),
            Seg(f"sn{side}", f"th{side}", (thigh, 0), shin, 10, "t", "legs"),
            Seg(f"ft{side}", f"sn{side}", (shin, 0), foot, 7, "sh", "legs", "foot"),
        ]
    return segs


SIDE_LAYERS = ["far_arm", "far_leg", "neck", "torso", "head", "near_leg", "near_arm"]
FRONT_LAYERS = ["arm_back", "legs", "neck", "torso", "head", "arm_r", "arm_l"]


@dataclass
class Pose:
    """Directions of every segment, the position of the root (the hip joint, or the
    pelvis seen from the front) and optional overrides for one key pose."""

    segs: dict[str, Seg]
    root: tuple[float, float]
    angles: dict[str, float]
    attach: dict[str, tuple[float, float]] = field(default_factory=dict)
    skew: dict[str, float] = field(default_factory=dict)

    def copy(self, **angles: float) -> Pose:
        pose = Pose(self.segs, self.root, dict(self.angles), dict(self.attach), dict(self.skew))
        pose.angles.update(angles)
        return pose

    # --- forward kinematics ------------------------------------------------------------
    def _frame(self, name: str) -> tuple[float, float, float, float]:
        """(x, y, angle, tan of the skew) of the segment's joint in the picture."""
        seg = self.segs[name]
        ax, ay = self.attach.get(name, seg.attach)
        if seg.parent is None:
            x, y, skew = self.root[0] + ax, self.root[1] + ay, 0.0
        else:
            px, py, pa, pskew = self._frame(seg.parent)
            # The parent's skewY shears its local frame: (x, y) -> (x, y + x * tan).
            ay = ay + ax * pskew
            rad = math.radians(pa)
            x = px + ax * math.cos(rad) - ay * math.sin(rad)
            y = py + ax * math.sin(rad) + ay * math.cos(rad)
            skew = pskew
        return x, y, self.angles[name], skew + math.tan(math.radians(self.skew.get(name, 0)))

    def joint(self, name: str) -> tuple[float, float]:
        x, y, _, _ = self._frame(name)
        return x, y

    def end(self, name: str) -> tuple[float, float]:
        x, y, angle, _ = self._frame(name)
        length = self.segs[name].length
        return x + length * math.cos(math.radians(angle)), y + length * math.sin(
            math.radians(angle)
        )

    # --- helpers for authoring poses ---------------------------------------------------
    def reach(self, upper: str, lower: str, target: tuple[float, float], bend: int) -> Pose:
        """Point a two-segment limb at `target` (its end lands there if it can reach);
        `bend` +1 or -1 chooses on which side the middle joint bends."""
        sx, sy = self.joint(upper)
        l1, l2 = self.segs[upper].length, self.segs[lower].length
        dx, dy = target[0] - sx, target[1] - sy
        dist = min(max(math.hypot(dx, dy), abs(l1 - l2) + 0.01), l1 + l2 - 0.01)
        base = math.atan2(dy, dx)
        inner = math.acos((l1 * l1 + dist * dist - l2 * l2) / (2 * l1 * dist))
        a1 = base - bend * inner
        mx, my = sx + l1 * math.cos(a1), sy + l1 * math.sin(a1)
        self.angles[upper] = math.degrees(a1)
        self.angles[lower] = math.degrees(math.atan2(target[1] - my, target[0] - mx))
        return self

    def place(self, point: tuple[float, float], at: tuple[float, float]) -> Pose:
        """Move the whole figure so that `point` (a position computed from this pose)
        lands `at` a given place, e.g. a foot on the floor."""
        self.root = (self.root[0] + at[0] - point[0], self.root[1] + at[1] - point[1])
        return self


def pose(segs: list[Seg], root: tuple[float, float], **angles: float) -> Pose:
    return Pose({seg.name: seg for seg in segs}, root, angles)


# --- props ------------------------------------------------------------------------------


@dataclass
class Prop:
    """Something drawn around the figure: its SVG (without colour, see `paint`), whether it
    goes behind or in front of the figure, and an optional movement per key pose."""

    svg: str
    front: bool = False
    moves: list[tuple[float, float]] | None = None  # translate per key pose


def floor(y: float = FLOOR) -> Prop:
    return Prop(f'<path class="fl" d="M6 {y + 0.5:g}H234" stroke-width="3"/>')


def mat(x1: float, x2: float, y: float = FLOOR) -> Prop:
    return Prop(
        f'<rect class="mt" x="{x1:g}" y="{y - 1:g}" width="{x2 - x1:g}" height="4" rx="2"/>'
    )


def chair_side(x: float, seat: float, back: int = 1) -> Prop:
    """A chair seen from the side: seat top at `seat`, backrest on the `back` side
    (-1: left, +1: right)."""
    bx = x + back * 16
    d = (
        f"M{x - 17:g} {seat:g}h34v4h-34z"  # seat
        f"M{x - 14:g} {seat + 4:g}V{FLOOR:g}M{x + 14:g} {seat + 4:g}V{FLOOR:g}"  # legs
    )
    back_path = f"M{bx:g} {seat:g}V{seat - 44:g}"
    return Prop(
        f'<path class="c2" d="{back_path}" stroke-width="5"/>'
        f'<path class="ch" d="{d}" stroke-width="2.5"/>'
    )


def chair_front(x: float, seat: float) -> Prop:
    """A chair seen from the front: seat edge, two front legs and the backrest behind."""
    return Prop(
        f'<path class="c2" d="M{x - 17:g} {seat - 50:g}h34v8h-34zM{x - 15:g} {seat - 42:g}'
        f'V{seat:g}M{x + 15:g} {seat - 42:g}V{seat:g}" stroke-width="2.5"/>'
        f'<path class="ch" d="M{x - 22:g} {seat:g}h44v5h-44zM{x - 20:g} {seat + 5:g}'
        f'V{FLOOR:g}M{x + 20:g} {seat + 5:g}V{FLOOR:g}" stroke-width="2.5"/>'
    )


def roller(x: float, y: float, moves=None, front: bool = False) -> Prop:
    """A foam roller seen end-on (a circle with its core), centre (x, y)."""
    return Prop(
        f'<circle class="rl" cx="{x:g}" cy="{y:g}" r="9"/>'
        f'<circle class="r2" cx="{x:g}" cy="{y:g}" r="3.5"/>',
        front=front,
        moves=moves,
    )


# --- rendering ------------------------------------------------------------------------


@dataclass
class Drawing:
    """One exercise: skeleton, key poses with their times (0–100 % of the cycle), the
    still pose for reduced motion, props, layer order and cycle length in seconds."""

    slug: str
    segs: list[Seg]
    keys: list[tuple[float, Pose]]
    still: int
    seconds: float
    props: list[Prop]
    layers: list[str] = field(default_factory=lambda: list(SIDE_LAYERS))
    hidden: set[str] = field(default_factory=set)  # segments not drawn (e.g. out of view)
    mirror: bool = False
    # Zoom about (centre x, floor): a lying figure can fill the picture; strokes scale
    # with it, so every illustration keeps the same style.
    zoom: float = 1.0
    centre: float = WIDTH / 2


def _num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _path(seg: Seg) -> str:
    if seg.name == "pel":
        return "M-5 0H5"
    if seg.kind == "foot":
        return f"M-2 0H{_num(seg.length)}"
    if seg.kind in ("head", "face"):
        return f"M{_num(seg.length)} 0h0"
    return f"M0 0H{_num(seg.length)}"


def _head_details(seg: Seg) -> str:
    """Hair and eye on a side head (facing local +y), or a face seen from the front."""
    cx, r = seg.length, seg.width / 2

    def at(angle: float, radius: float) -> tuple[str, str]:
        rad = math.radians(angle)
        return _num(cx + radius * math.cos(rad)), _num(radius * math.sin(rad))

    if seg.kind == "head":
        x1, y1 = at(-140, r - 2.2)
        x2, y2 = at(40, r - 2.2)
        ex, ey = at(55, r - 3.6)
        return (
            f'<path class="hr" d="M{x1} {y1}A{_num(r - 2.2)} {_num(r - 2.2)} 0 0 1 {x2} {y2}" '
            f'stroke-width="4.4"/><circle class="ey" cx="{ex}" cy="{ey}" r="1.4"/>'
        )
    x1, y1 = at(-75, r - 2.2)
    x2, y2 = at(75, r - 2.2)
    arc = f"M{x1} {y1}A{_num(r - 2.2)} {_num(r - 2.2)} 0 0 1 {x2} {y2}"
    return f'<path class="hr" d="{arc}" stroke-width="4.4"/>'


EYES = '<circle class="ey" cx="0" cy="-3.6" r="1.4"/><circle class="ey" cx="0" cy="3.6" r="1.4"/>'


class _Writer:
    def __init__(self, drawing: Drawing):
        self.d = drawing
        self.segs = {seg.name: seg for seg in drawing.segs}
        self.ids: dict[str, str] = {}
        self.css: list[str] = []
        self.anim: list[str] = []

    def class_for(self, name: str) -> str:
        if name not in self.ids:
            self.ids[name] = f"j{len(self.ids)}"
            self._transforms(name, self.ids[name])
        return self.ids[name]

    def _transform(self, pose: Pose, name: str, with_translate: bool, with_skew: bool) -> str:
        seg = self.segs[name]
        ax, ay = pose.attach.get(name, seg.attach)
        if seg.parent is None:
            ax, ay = ax + pose.root[0], ay + pose.root[1]
            angle = pose.angles[name]
        else:
            angle = pose.angles[name] - pose.angles[seg.parent]
        parts = []
        if with_translate:
            parts.append(f"translate({_num(ax)}px,{_num(ay)}px)")
        parts.append(f"rotate({_num(angle)}deg)")
        if with_skew:
            parts.append(f"skewY({_num(pose.skew.get(name, 0))}deg)")
        return " ".join(parts)

    def _transforms(self, name: str, cls: str) -> None:
        seg = self.segs[name]
        poses = [p for _, p in self.d.keys]
        moved = (
            seg.parent is None
            or seg.attach != (0, 0)
            or any(p.attach.get(name, seg.attach) != seg.attach for p in poses)
        )
        skewed = any(p.skew.get(name) for p in poses)
        # Relative angles, each within half a turn of the one before, so CSS interpolation
        # takes the short way round.
        texts = []
        previous = None
        for p in poses:
            text = self._transform(p, name, moved, skewed)
            angle = float(text.split("rotate(")[1].split("deg")[0])
            if previous is not None:
                while angle - previous > 180:
                    angle -= 360
                while angle - previous < -180:
                    angle += 360
            previous = angle
            head, tail = text.split("rotate(")
            texts.append(f"{head}rotate({_num(angle)}deg){tail.split('deg)', 1)[1]}")
        self.css.append(f".{cls}{{transform:{texts[self.d.still]}}}")
        if len(set(texts)) > 1:
            frames: dict[str, list[str]] = {}
            for (at, _), text in zip(self.d.keys, texts, strict=True):
                frames.setdefault(text, []).append(f"{_num(at)}%")
            body = "".join(f"{','.join(at)}{{transform:{text}}}" for text, at in frames.items())
            self.anim.append(f"@keyframes a{cls[1:]}{{{body}}}.{cls}{{animation-name:a{cls[1:]}}}")

    def layer(self, layer: str, outline: bool) -> str:
        """One layer of the figure, its ancestors repeated as wrapper groups."""
        members = [s for s in self.d.segs if s.layer == layer and s.name not in self.d.hidden]
        if not members:
            return ""
        tree: dict[str | None, list[str]] = {}
        needed: set[str] = set()
        for seg in members:
            name: str | None = seg.name
            while name is not None:
                needed.add(name)
                name = self.segs[name].parent
        for name in needed:
            tree.setdefault(self.segs[name].parent, []).append(name)
        member_names = {s.name for s in members}

        def emit(name: str) -> str:
            seg = self.segs[name]
            inner = ""
            if name in member_names and seg.kind == "eyes":
                inner = "" if outline else EYES
            elif name in member_names:
                width = seg.width + (OUTLINE if outline else 0)
                cls = "" if outline else f' class="{seg.paint}"'
                inner = f'<path{cls} d="{_path(seg)}" stroke-width="{_num(width)}"/>'
                if seg.kind == "hand":
                    inner += (
                        f'<path{cls} d="M{_num(seg.length)} 0h.1" '
                        f'stroke-width="{_num(9 + (OUTLINE if outline else 0))}"/>'
                    )
                if seg.kind in ("head", "face") and not outline:
                    inner += _head_details(seg)
            children = "".join(emit(child) for child in sorted(tree.get(name, [])))
            return f'<g class="{self.class_for(name)}">{inner}{children}</g>'

        body = "".join(emit(root) for root in sorted(tree.get(None, [])))
        return f'<g class="{"o" if outline else "f"}">{body}</g>'

    def props(self, front: bool) -> str:
        out = []
        for index, prop in enumerate(self.d.props):
            if prop.front != front:
                continue
            if prop.moves:
                cls = f"p{index}"
                texts = [f"translate({_num(x)}px,{_num(y)}px)" for x, y in prop.moves]
                self.css.append(f".{cls}{{transform:{texts[self.d.still]}}}")
                frames: dict[str, list[str]] = {}
                for (at, _), text in zip(self.d.keys, texts, strict=True):
                    frames.setdefault(text, []).append(f"{_num(at)}%")
                body = "".join(f"{','.join(a)}{{transform:{t}}}" for t, a in frames.items())
                self.anim.append(f"@keyframes b{index}{{{body}}}.{cls}{{animation-name:b{index}}}")
                out.append(f'<g class="{cls} m">{prop.svg}</g>')
            else:
                out.append(prop.svg)
        return "".join(out)


STYLE = (
    "svg{{{light}}}@media (prefers-color-scheme:dark){{svg{{{dark}}}}}"
    ".o,.f{{fill:none;stroke-linecap:round;stroke-linejoin:round}}.o{{stroke:var(--o)}}"
    ".s{{stroke:var(--s)}}.s2{{stroke:var(--s2)}}.t{{stroke:var(--t)}}.t2{{stroke:var(--t2)}}"
    ".k{{stroke:var(--k)}}.k2{{stroke:var(--k2)}}.sh{{stroke:var(--sh)}}.hr{{stroke:var(--h)}}"
    ".ey{{fill:var(--o);stroke:none}}.fl{{stroke:var(--fl)}}"
    ".mt{{fill:var(--mt);stroke:none}}.ch{{fill:var(--ch);stroke:var(--o)}}"
    ".c2{{fill:var(--ch2);stroke:var(--o)}}.rl{{fill:var(--r);stroke:var(--o);stroke-width:2.5}}"
    ".r2{{fill:var(--r2);stroke:none}}"
    "[class^=j],.m{{animation:{seconds}s ease-in-out infinite}}"
)
REDUCED = "@media (prefers-reduced-motion:reduce){*{animation:none!important}}"


def render(drawing: Drawing) -> str:
    writer = _Writer(drawing)
    figure = "".join(
        writer.layer(layer, outline) for layer in drawing.layers for outline in (True, False)
    )
    back, front = writer.props(False), writer.props(True)
    light = ";".join(f"--{key}:{light}" for key, (light, _) in PALETTE.items())
    dark = ";".join(f"--{key}:{dark}" for key, (_, dark) in PALETTE.items())
    style = (
        STYLE.format(light=light, dark=dark, seconds=_num(drawing.seconds))
        + "".join(writer.css)
        + "".join(writer.anim)
        + REDUCED
    )
    scene = f"{back}{figure}{front}"
    if drawing.zoom != 1:
        z = drawing.zoom
        tx, ty = WIDTH / 2 - z * drawing.centre, FLOOR - z * FLOOR
        scene = f'<g transform="matrix({z:g} 0 0 {z:g} {_num(tx)} {_num(ty)})">{scene}</g>'
    if drawing.mirror:
        scene = f'<g transform="matrix(-1 0 0 1 {WIDTH} 0)">{scene}</g>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}"><style>{style}</style>'
        f'<rect width="{WIDTH}" height="{HEIGHT}" rx="12" fill="var(--bg)"/>{scene}</svg>\n'
    )

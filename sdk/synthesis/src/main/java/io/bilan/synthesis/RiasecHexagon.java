package io.bilan.synthesis;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the RIASEC hexagon, shared by the SVG and the PDF so both draw the same shape: six axes in
 * Holland's order, Realistic at the top and the others clockwise, each area's level measured from the centre.
 * Coordinates are offsets from the centre with y pointing down, as on a screen; the PDF flips y.
 */
final class RiasecHexagon {

    static final int AXES = 6;

    /** The grid's rings, as levels. */
    static final double[] RINGS = {0.25, 0.5, 0.75, 1};

    private static final double HALF_ROOT_3 = Math.sqrt(3) / 2;

    // Unit vectors written out rather than computed with cos/sin, so the top and bottom axes are exactly vertical.
    private static final double[][] DIRECTIONS = {
        {0, -1}, {HALF_ROOT_3, -0.5}, {HALF_ROOT_3, 0.5}, {0, 1}, {-HALF_ROOT_3, 0.5}, {-HALF_ROOT_3, -0.5}};

    /** Where an axis's label sits against the end of the axis. */
    enum Side {
        ABOVE, RIGHT, BELOW, LEFT
    }

    record Point(double x, double y) {
    }

    private RiasecHexagon() {
    }

    /** The point of {@code axis} at {@code distance} from the centre. */
    static Point vertex(int axis, double distance) {
        return new Point(DIRECTIONS[axis][0] * distance, DIRECTIONS[axis][1] * distance);
    }

    /** The person's polygon: on each axis, the area's level times the radius. */
    static List<Point> polygon(List<Synthesis.Level> interests, double radius) {
        List<Point> points = new ArrayList<>(AXES);
        for (int axis = 0; axis < AXES; axis++) {
            points.add(vertex(axis, interests.get(axis).level() * radius));
        }
        return points;
    }

    /** A ring of the grid: the regular hexagon at {@code level} of the radius. */
    static List<Point> ring(double level, double radius) {
        List<Point> points = new ArrayList<>(AXES);
        for (int axis = 0; axis < AXES; axis++) {
            points.add(vertex(axis, level * radius));
        }
        return points;
    }

    static Side side(int axis) {
        return switch (axis) {
            case 0 -> Side.ABOVE;
            case 1, 2 -> Side.RIGHT;
            case 3 -> Side.BELOW;
            default -> Side.LEFT;
        };
    }
}

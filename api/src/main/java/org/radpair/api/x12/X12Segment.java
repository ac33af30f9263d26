package org.radpair.api.x12;

import java.util.List;

/**
 * One segment as read: its tag, its one-based position in the interchange, and its elements, each
 * a list of components (a simple element has one). Elements are one-based as in the X12 guides.
 */
record X12Segment(String tag, int position, List<List<String>> elements) {

    /** Element {@code n} (one-based), first component, or "" when absent. */
    String element(int n) {
        return component(n, 1);
    }

    /** Component {@code c} (one-based) of element {@code n}, or "" when absent. */
    String component(int n, int c) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        List<String> components = elements.get(n - 1);
        return c < 1 || c > components.size() ? "" : components.get(c - 1);
    }

    List<String> components(int n) {
        return n < 1 || n > elements.size() ? List.of() : elements.get(n - 1);
    }

    int elementCount() {
        return elements.size();
    }
}

package dev.vouch.collect.terraform;

import java.util.List;

/** An HCL body: attributes and blocks in source order. */
record Body(List<Attribute> attributes, List<Block> blocks) {
    Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    record Attribute(String name, Expr value, int line) {}

    record Block(String type, List<String> labels, Body body, int line) {
        Block {
            labels = List.copyOf(labels);
        }

        String label(int i) {
            return i < labels.size() ? labels.get(i) : "";
        }
    }

    java.util.Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}

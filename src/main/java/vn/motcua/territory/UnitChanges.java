package vn.motcua.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of changes to administrative units that take effect together at one instant (see
 * {@link TerritoryChanges#apply}). Units are named by code: a code in {@link #closes()} and in
 * {@link #links()} as predecessor means the unit carrying it the day before the effective date; a code in
 * {@link #opens()} and as successor means the unit carrying it from the effective date on.
 * <p>
 * A rename or reclassification closes the old version and opens a new one linked to it (the builder's
 * {@link Builder#rename} and {@link Builder#reclassify} do exactly that), so history is never rewritten.
 */
public record UnitChanges(List<Open> opens, List<String> closes, List<Link> links) {

    public UnitChanges {
        opens = List.copyOf(opens);
        closes = List.copyOf(closes);
        links = List.copyOf(links);
    }

    /** A unit that starts to exist; {@code parentCode} is resolved among units valid on the effective date. */
    public record Open(String code, String name, String fullName, UnitType type, String parentCode) {
        public Open {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * Predecessor (valid the day before) → successor (valid on the effective date).
     *
     * @param legalBasis null to use the one given to {@code apply}
     */
    public record Link(String predecessorCode, String successorCode, LineageKind kind, Share share, String legalBasis) {
        public Link {
            Objects.requireNonNull(predecessorCode, "predecessorCode");
            Objects.requireNonNull(successorCode, "successorCode");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(share, "share");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return opens.isEmpty() && closes.isEmpty() && links.isEmpty();
    }

    public static final class Builder {
        private final List<Open> opens = new ArrayList<>();
        private final List<String> closes = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();

        public Builder open(String code, String name, String fullName, UnitType type, String parentCode) {
            opens.add(new Open(code, name, fullName, type, parentCode));
            return this;
        }

        public Builder close(String code) {
            closes.add(code);
            return this;
        }

        public Builder link(String predecessorCode, String successorCode, LineageKind kind, Share share) {
            return link(predecessorCode, successorCode, kind, share, null);
        }

        public Builder link(String predecessorCode, String successorCode, LineageKind kind, Share share, String legalBasis) {
            links.add(new Link(predecessorCode, successorCode, kind, share, legalBasis));
            return this;
        }

        /** Close {@code code} and open it again under a new name (same code, type and parent), linked RENAME/FULL. */
        public Builder rename(AdministrativeUnit current, String newName, String newFullName) {
            close(current.code());
            open(current.code(), newName, newFullName, current.type(), current.parentCode());
            return link(current.code(), current.code(), LineageKind.RENAME, Share.FULL);
        }

        /** Close {@code code} and open it again with a new type (e.g. xã → phường), linked RECLASSIFY/FULL. */
        public Builder reclassify(AdministrativeUnit current, UnitType newType, String newFullName) {
            close(current.code());
            open(current.code(), current.name(), newFullName, newType, current.parentCode());
            return link(current.code(), current.code(), LineageKind.RECLASSIFY, Share.FULL);
        }

        public UnitChanges build() {
            return new UnitChanges(opens, closes, links);
        }
    }
}

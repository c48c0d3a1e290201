package io.bilan.engine.persistence;

import java.util.HashMap;
import java.util.Map;

/**
 * The personal fields of one entity, sealed with its case's key in the {@link Keyring}. An entity keeps the sealed
 * value in its mapped field and goes through this in its accessors (Panache turns {@code row.demand} elsewhere into
 * {@code row.getDemand()}): a value set before the entity knows its case is held in clear until {@link #sealPending}
 * runs before the insert. Opened values are remembered while the stored value stays the same.
 */
public final class PersonalData {

    private final Map<String, Object> pending = new HashMap<>(4);
    private final Map<String, Object[]> opened = new HashMap<>(4);

    /** What to store for {@code value} of {@code field} of a row of case {@code owner} (null while unknown). */
    public String seal(String owner, String field, String value) {
        opened.remove(field);
        if (value == null || owner == null) {
            remember(field, value);
            return value;
        }
        pending.remove(field);
        return Keyring.get().seal(owner, value);
    }

    public byte[] seal(String owner, String field, byte[] value) {
        opened.remove(field);
        if (value == null || owner == null) {
            remember(field, value);
            return value;
        }
        pending.remove(field);
        return Keyring.get().seal(owner, value);
    }

    /** The plaintext of what is stored in {@code field}. */
    public String open(String owner, String field, String stored) {
        if (stored == null || pending.containsKey(field)) {
            return stored;
        }
        Object[] known = opened.get(field);
        if (known != null && known[0] == stored) {
            return (String) known[1];
        }
        String plain = Keyring.get().open(owner, stored);
        opened.put(field, new Object[] {stored, plain});
        return plain;
    }

    public byte[] open(String owner, String field, byte[] stored) {
        if (stored == null || pending.containsKey(field) || owner == null) {
            return stored;
        }
        return Keyring.get().open(owner, stored);
    }

    /** What to store for a field before the insert: sealed now if it was set before the case was known. */
    public String sealPending(String owner, String field, String stored) {
        return pending.containsKey(field) && stored != null && owner != null ? seal(owner, field, stored) : stored;
    }

    public byte[] sealPending(String owner, String field, byte[] stored) {
        return pending.containsKey(field) && stored != null && owner != null ? seal(owner, field, stored) : stored;
    }

    private void remember(String field, Object value) {
        if (value == null) {
            pending.remove(field);
        } else {
            pending.put(field, Boolean.TRUE);
        }
    }
}

package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Key groups: two letters, split by the next letters while too large, each split group with a head. */
class KeyGroupsTest {

    /** Ten bytes a key: a group of more than {@code keys} keys is split. */
    private static KeyGroups splittingAbove(int keys) {
        return new KeyGroups(keys * 10L, list -> list.size() * 10L);
    }

    private static List<String> prefixes(List<KeyGroups.Group> groups) {
        return groups.stream().map(KeyGroups.Group::prefix).toList();
    }

    @Test
    void smallGroupsAreTheirFirstTwoLettersAndAOneLetterKeyIsAGroupOfItsOwn() {
        List<KeyGroups.Group> groups = splittingAbove(10).of(List.of("a", "ab", "abend", "abt", "b", "be", "bei"));
        assertThat(groups).containsExactly(new KeyGroups.Group("a", List.of("a")),
                new KeyGroups.Group("ab", List.of("ab", "abend", "abt")), new KeyGroups.Group("b", List.of("b")),
                new KeyGroups.Group("be", List.of("be", "bei")));
    }

    @Test
    void aLargeGroupIsSplitByTheNextLettersWhileTooLargeEachPartWithAHead() {
        List<String> keys = List.of("be", "bei", "beim", "bera", "berat", "beratung", "beratungen", "bes", "besser");
        List<KeyGroups.Group> groups = splittingAbove(3).of(keys);
        assertThat(prefixes(groups)).containsExactly("be", "bei", "ber", "bera", "berat", "bes");
        // Heads: the prefix if it is a key, and the shortest longer keys (here all of them).
        assertThat(groups.get(0).keys()).isEqualTo(keys);
        assertThat(groups.get(2).keys()).containsExactly("bera", "berat", "beratung", "beratungen");
        assertThat(groups.get(4).keys()).containsExactly("berat", "beratung", "beratungen");
        assertThat(groups.get(5).keys()).containsExactly("bes", "besser");
    }

    @Test
    void aHeadHoldsTheTwentyShortestKeysShortestFirstThenInKeyOrderAndEveryKeyHasItsLongestListedPrefix() {
        List<String> keys = IntStream.range(0, 400).mapToObj(i -> "in" + Integer.toString(i * 7919 % 4001, 26))
                .distinct().sorted().toList();
        List<KeyGroups.Group> groups = splittingAbove(30).of(keys);
        Set<String> listed = groups.stream().map(KeyGroups.Group::prefix).collect(Collectors.toSet());
        assertThat(prefixes(groups)).isSorted().doesNotHaveDuplicates();
        for (String key : keys) {
            String group = KeyGroups.groupOf(key, listed);
            assertThat(groups.stream().filter(g -> g.prefix().equals(group)).findFirst().orElseThrow().keys())
                    .as(key).contains(key);
        }
        List<String> shortest = keys.stream().filter(k -> !k.equals("in"))
                .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(k -> k))
                .limit(KeyGroups.COMPLETIONS).sorted().toList();
        assertThat(groups.get(0).prefix()).isEqualTo("in");
        assertThat(groups.get(0).keys()).isEqualTo(shortest);
        assertThat(groups).allSatisfy(g -> assertThat(g.keys().size() <= 30
                || g.keys().size() <= KeyGroups.COMPLETIONS + 1).as(g.prefix()).isTrue());
    }
}

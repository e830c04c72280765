package org.oneseal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void acceptsTheDomainDocsValidIdCardNumberAndMasksIt() {
        assertThat(IdCardNumber.validate("11010519491231002X", TODAY)).isNull();
        IdCardNumber id = new IdCardNumber("11010519491231002x");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.masked()).isEqualTo("1101**********002X");
        assertThat(id.toString()).doesNotContain("19491231");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void namesTheRuleAnInvalidIdCardNumberBreaks() {
        assertThat(IdCardNumber.validate("110105194912310021", TODAY).messageKey()).isEqualTo("idcard.checksum");
        assertThat(IdCardNumber.validate("1101051949123100", TODAY).messageKey()).isEqualTo("idcard.length");
        assertThat(IdCardNumber.validate("11010519491231002Y", TODAY).messageKey()).isEqualTo("idcard.lastchar");
        assertThat(IdCardNumber.validate("1101051949A231002X", TODAY).messageKey()).isEqualTo("idcard.digits");
        assertThat(IdCardNumber.validate("", TODAY).messageKey()).isEqualTo("idcard.blank");
    }

    @Test
    void refusesFullWidthDigitsThatWouldStillPassTheChecksum() {
        assertThat(IdCardNumber.validate("11\uFF101051\uFF19491231002X", TODAY).messageKey()).isEqualTo("idcard.digits");
        assertThat(IdCardNumber.validate("11010519491231002\uFF10", TODAY).messageKey()).isEqualTo("idcard.lastchar");
    }

    @Test
    void refusesABirthDateThatDoesNotExistOrLiesInTheFuture() {
        String feb30 = withCheck("11010519490230002");
        assertThat(IdCardNumber.validate(feb30, TODAY).messageKey()).isEqualTo("idcard.birthdate");
        String future = withCheck("11010520300101002");
        assertThat(IdCardNumber.validate(future, TODAY).messageKey()).isEqualTo("idcard.birthdate.range");
        String leapDay = withCheck("11010520000229002");
        assertThat(IdCardNumber.validate(leapDay, TODAY)).isNull();
    }

    @Test
    void creditCodeChecksumAlphabetAndNormalisation() {
        assertThat(CreditCode.validate("91350100M000100Y43")).isNull();
        assertThat(new CreditCode("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.validate("91350100M000100Y44").messageKey()).isEqualTo("creditcode.checksum");
        assertThat(CreditCode.validate("91350100M000100I43").defaultMessage()).contains("第16位").contains("I");
        assertThat(CreditCode.validate("9135").messageKey()).isEqualTo("creditcode.length");
        assertThatThrownBy(() -> new CreditCode("91350100M000100Y44")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("校验位");
    }

    @Test
    void dataScopeCoversItsRegionsOrEverythingWhenCityWide() {
        DataScope county = new DataScope(2L, null, false, java.util.Set.of(2L, 5L));
        assertThat(county.covers(5L)).isTrue();
        assertThat(county.covers(3L)).isFalse();
        assertThat(new DataScope(1L, null, true, java.util.Set.of(1L)).covers(3L)).isTrue();
        assertThatThrownBy(() -> county.condition("region_id; drop table x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String withCheck(String first17) {
        return first17 + IdCardNumber.checkCharacter(first17);
    }
}

package org.oneseal.matter;

/** What creating a matter needs: its stable identity and the elements of version 1 (a draft). */
public record NewMatter(String matterCode, String implementationCode, long regionId, MatterElements elements) {
}

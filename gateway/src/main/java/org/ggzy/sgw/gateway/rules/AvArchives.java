package org.ggzy.sgw.gateway.rules;

import java.util.Map;

/**
 * The audio-video archives of a section's trading activities ({@code gcjs.av-archive}, one record per archived
 * activity) and the venue regulation they answer to.
 */
final class AvArchives {

    static final String DATASET = "gcjs.av-archive";
    static final String REGULATION = "《交易场所监控系统和音频视频资料管理制度》";

    private static final Map<String, String> ACTIVITY_EN =
            Map.of("1", "bid opening", "2", "evaluation", "3", "auction", "4", "expert call");
    private static final Map<String, String> ACTIVITY_ZH =
            Map.of("1", "开标", "2", "评标(评审、谈判)", "3", "拍卖", "4", "专家与见证室通话");

    private AvArchives() {}

    /** The activity of the record in English, e.g. {@code bid opening (ACTIVITY_TYPE 1)}. */
    static String activityEn(SectionRecord archive) {
        String type = archive.text("ACTIVITY_TYPE");
        return ACTIVITY_EN.getOrDefault(String.valueOf(type), "activity") + " (ACTIVITY_TYPE " + type + ")";
    }

    /** The activity of the record in Chinese, e.g. {@code 开标}. */
    static String activityZh(SectionRecord archive) {
        return ACTIVITY_ZH.getOrDefault(String.valueOf(archive.text("ACTIVITY_TYPE")), "交易活动");
    }
}

package org.ggzy.sgw.gateway.rules;

/**
 * The basis of the authenticity (真实性) checks P10 and P11, which no statute states as such: the supervision platform
 * watches the timeliness, completeness and authenticity of what trading platforms push.
 */
final class Authenticity {

    static final String BASIS = "《福建省公共资源交易电子行政监督平台管理暂行办法》第十三条第（三）项（数据推送的真实性）";

    private Authenticity() {}
}

package org.innofund.project.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One step of a project's timeline: when, what kind, who, what (a message key and its arguments, each an enum's name,
 * a number or a title) and the reason or note given, if any.
 */
public record TimelineEntry(Instant at, Kind kind, String actor, String what, List<Object> arguments, String note)
        implements Serializable {

    public enum Kind {
        /** 状态变化 */ STATE,
        /** 审批决定 (the approval list, a change request's decision) */ DECISION,
        /** 评估 */ EVALUATION,
        /** 任务书 */ AGREEMENT,
        /** 进度报告 */ REPORT,
        /** 变更申请 */ CHANGE,
        /** 文件 (a signed agreement version) */ DOCUMENT,
        /** 公示异议 */ OBJECTION
    }

    public TimelineEntry {
        arguments = List.copyOf(arguments);
    }
}

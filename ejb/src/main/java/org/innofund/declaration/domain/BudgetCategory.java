package org.innofund.declaration.domain;

/** 预算科目 */
public enum BudgetCategory {
    /** 设备费 */ EQUIPMENT,
    /** 材料费 */ MATERIALS,
    /** 测试化验加工费 */ TESTING,
    /** 燃料动力费 */ FUEL_POWER,
    /** 差旅/会议/国际合作交流费 */ TRAVEL_CONFERENCE,
    /** 出版/文献/知识产权事务费 */ PUBLICATION_IP,
    /** 劳务费 */ LABOUR,
    /** 专家咨询费 */ EXPERT_CONSULTING,
    /** 其他 */ OTHER
}

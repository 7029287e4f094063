package org.innofund.declaration.domain;

/** 所属领域 */
public enum ProjectField {
    SMART_APPLIANCES, AUTOMOTIVE, LIFE_HEALTH, HIGH_END_EQUIPMENT, NEW_MATERIALS, DIGITAL_ECONOMY, KEY_COMPONENTS, OTHER
}

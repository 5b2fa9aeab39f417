/**
 * The assessments feature: pages for the router and the 能力评估 tab of the elder page
 * (registered through the elders feature's extension point when this module loads).
 */
import { registerElderTab } from "../elders/detailTabs";
import { ElderAssessmentsTab } from "./ElderAssessmentsTab";

export { AssessmentsPage } from "./AssessmentsPage";
export { AssessmentDetailPage } from "./AssessmentDetailPage";
export { AssessmentFormPage } from "./AssessmentFormPage";
export { AssessmentReportPage } from "./AssessmentReportPage";
export { AssessmentStatsPage } from "./AssessmentStatsPage";
export { DueListPage } from "./DueListPage";

registerElderTab({
  key: "assessments",
  label: "能力评估",
  order: 50,
  permission: "assessment:read",
  render: (elder) => <ElderAssessmentsTab elder={elder} />,
});

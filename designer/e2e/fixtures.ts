// Applicants and form values a clerk types in, per sample item (valid against the items' rules).
export const person = { name: '李秀兰', idNumber: '11010519491231002X', phone: '13945671234' };
export const youngPerson = { name: '王晓明', idNumber: '230903199503152412', phone: '13804641234' };
export const organization = { type: 'organization' as const, name: '七台河市桃山区阳光教育咨询有限公司', idNumber: '91350100M000100Y43', phone: '0464-8261234' };

export const forms: Record<string, Record<string, unknown>> = {
  'private-kindergarten': {
    kindergartenName: '桃山区阳光幼儿园', kindergartenAddress: '黑龙江省七台河市桃山区桃北街18号', classCount: 3, plannedEnrollment: 90,
    buildingArea: 1200, outdoorArea: 800, principalName: '赵丽', principalExperience: 6, teacherCount: 8, boarding: false, hasCanteen: false,
  },
  'water-permit': {
    projectName: '桃山区桃北水厂扩建工程', projectCode: '2026-230903-46-01-000123', projectApproval: 'approval', waterSource: 'surface',
    purposes: ['domestic', 'industry'], intakeLocation: '桃山水库东岸取水口', longitude: 131.02, latitude: 45.78, annualVolume: 120,
    maxDailyVolume: 4000, returnWater: '经处理后排入倭肯河，年退水量约30万立方米', meteringFacility: '电磁流量计',
  },
  'teacher-qualification': {
    schoolLevel: 'primary', subject: '数学', residenceType: 'household', education: 'bachelor', graduationSchool: '哈尔滨师范大学', major: '数学与应用数学',
    diplomaNumber: '102311201705002345', examCertificateNumber: 'NTCE2026001', putonghuaLevel: 'second-a', physicalExamDate: '2026-03-02',
  },
};

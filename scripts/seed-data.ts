/**
 * The seed rubric (2014年彩屯街道社区管理人口计生工作绩效考核细则) as structured rows, in simplified
 * Chinese, with the scraping artefacts removed (pinyin after characters, the site's page numbers at line
 * starts, "待添加的隐藏文字内容2"). Its real faults are kept on purpose, because real workbooks have them
 * and the product must report them:
 * - part (二) declares 35 points but only 30 points of items survive;
 * - section 4 of part (一) numbers its items (1), (2), (4), (5), (6);
 * - the last item has no 考核方式 (the source is cut off there).
 * Criteria are kept as written (ASCII commas and all).
 */

export interface SeedItem {
  /** 目标要求 with its numbering, e.g. "(1)完成人口计划90%-100%". */
  text: string;
  /** 标准分值. */
  points: number;
  /** 评分标准 that applies to the item (the shared text when one cell covers several items). */
  criteria: string;
  /** 考核方式 that applies to the item. */
  method: string;
  /** A page break falls before this item: the paper table repeats its header row here. */
  pageBreakBefore?: boolean;
}

export interface SeedSection {
  /** 考核内容 as written, e.g. "1、主要工作责任指标(5分)". */
  text: string;
  declaredPoints: number;
  items: SeedItem[];
  /** Item index ranges [first, last] whose 评分标准 is one merged cell. */
  sharedCriteria?: [number, number][];
  /** Item index ranges [first, last] whose 考核方式 is one merged cell. */
  sharedMethod?: [number, number][];
}

export interface SeedCategory {
  /** 考核项目 as written, e.g. "(一)日常工作(65分)". */
  text: string;
  declaredPoints: number;
  sections: SeedSection[];
}

export const SEED_TITLE = '2014年彩屯街道社区管理人口计生工作绩效考核细则';

export const SEED_HEADER = [
  '考核项目',
  '考核内容',
  '目标要求',
  '标准分值(100分)',
  '评 分 标 准',
  '考核方式',
  '扣分',
  '得分',
  '扣分原因',
] as const;

const RESPONSIBILITY =
  '按责任状进行考核,未完成指标的,采用否决计分法,计零分;完成责任指标的,计满分,90%以下每减少1%扣0.1分。';

export const SEED: SeedCategory[] = [
  {
    text: '(一)日常工作(65分)',
    declaredPoints: 65,
    sections: [
      {
        text: '1、主要工作责任指标(5分)',
        declaredPoints: 5,
        sharedCriteria: [[0, 4]],
        sharedMethod: [[0, 4]],
        items: [
          { text: '(1)完成人口计划90%-100%', points: 1, criteria: RESPONSIBILITY, method: '查阅报表、系统' },
          { text: '(2)计划外一票否决', points: 1, criteria: RESPONSIBILITY, method: '查阅报表、系统' },
          { text: '(3)无大月份引产', points: 1, criteria: RESPONSIBILITY, method: '查阅报表、系统' },
          {
            text: '(4)全员人口信息数据变更率达98%以上',
            points: 1,
            criteria: RESPONSIBILITY,
            method: '查阅报表、系统',
          },
          { text: '(5)各种奖扶政策落实到位', points: 1, criteria: RESPONSIBILITY, method: '查阅报表、系统' },
        ],
      },
      {
        text: '2、领导重视(5分)',
        declaredPoints: 5,
        items: [
          {
            text: '(1)社区主要领导定期听取人口计生工作汇报,年初明确提出本社区人口和计划生育工作年度重点,要解决的突出问题和困难。',
            points: 3,
            criteria:
              '社区主要领导经常参加计生工作会议,班子专题研究人口计生工作两次以上,有会议记录,有解决困难和实际问题的记录的记满分。',
            method: '查阅会议记录、工作记录',
          },
          {
            text: '(2)协调有关单位开展综合治理流动人口、出生人口性别比等问题。',
            points: 2,
            criteria: '社区主要领导协调有关单位共同开展工作的记满分。',
            method: '查阅活动记录',
          },
        ],
      },
      {
        text: '3、人口计生基层基础工作(20分)',
        declaredPoints: 20,
        items: [
          {
            text: '(1)抓好孕前孕期责任跟踪服务管理',
            points: 5,
            criteria: '跟踪随访不到位的扣0.5分/人,超过孕期无孕产结果的扣0.5分/人。',
            method: '检查孕前孕情跟踪管理服务定期检查登记表,查阅出生监测系统',
            pageBreakBefore: true,
          },
          {
            text: '(2)抓好常规工作,实行月结月清',
            points: 5,
            criteria:
              '按要求做好各项常规工作,系统中产妇确认和出生确认率不得低于全区平均数,低于全区平均数的酌情扣分。',
            method: '每月初将上月系统中产妇确认和出生确认情况截图,全年结合平时工作情况进行综合评定',
          },
          {
            text: '(3)每月召开计生例会,按时上报各种报表,报表求实,帐卡表册与实际相符。',
            points: 5,
            criteria: '按时参加例会,按时上报各类报表,帐实相符的记满分。',
            method: '查看例会记录,根据平时工作酌情打分',
          },
          {
            text: '(4)及时更新户口册、妇女卡等基本帐卡。',
            points: 5,
            criteria: '未更新或有错漏的扣1分/人,扣完为止。',
            method: '随机抽查基础台帐10条信息检查册、卡',
          },
        ],
      },
      {
        text: '4、依法行政工作(15分)',
        declaredPoints: 15,
        items: [
          {
            text: '(1)违法生育信息掌握及时、准确,收集资料完整,处理得当。',
            points: 1,
            criteria: '出生或流入迁入超过2个月才上报信息的扣0.5分/人。',
            method: '根据平时工作打分',
          },
          {
            text: '(2)依法审批计生相关证件,办证档案规范齐全',
            points: 2,
            criteria: '办证准确,审核严格,办证档案规范齐全,发回重办的扣0.2分/次',
            method: '查阅办证档案,根据平时工作打分',
          },
          {
            text: '(4)全面推进人口计生居务公开。',
            points: 1,
            criteria: '人口计生居务公开栏整洁、美观,公开内容完整、及时的记满分',
            method: '现场查看',
          },
          {
            text: '(5)无投诉,无恶性案件',
            points: 1,
            criteria: '无投诉,无恶性案件的记满分',
            method: '根据平时工作打分',
          },
          {
            text: '(6)依法落实兑现各种奖励金及扶助金,上报材料及时,准确。',
            points: 10,
            criteria:
              '奖扶材料上报延误或有误扣0.2分/次。与上报情况严重不符的(虚报、谎报)扣2分/人,扣完倒扣分。',
            method: '根据平时工作打分,随机抽取10名奖扶对象下户或电话核查兑现情况',
          },
        ],
      },
      {
        text: '5、宣传教育工作(10分)',
        declaredPoints: 10,
        items: [
          {
            text: '(1)“婚育新风进万家”活动有方案、有图片、有总结,广泛开展婚育新风进万家活动、关爱女孩行动。',
            points: 6,
            criteria:
              '有方案、有小结、有活动记录四次以上的记满分,无方案、小结、信息的各扣1分。少一次活动扣1分',
            method: '查阅档案',
            pageBreakBefore: true,
          },
          {
            text: '(2)配合相关部门开展综合治理性别比偏高活动。',
            points: 2,
            criteria: '有活动记录两次以上记满分,少一次记录扣1分',
            method: '查阅档案',
          },
          {
            text: '(3)加大新闻宣传力度,积极上报信息,全年投稿不少于5篇,上稿不少于3篇。',
            points: 2,
            criteria: '投稿不足5篇的扣1分,上稿不足3篇的扣1分',
            method: '根据平时投稿上稿记录统计',
          },
        ],
      },
      {
        text: '6、科技药具工作(6分)',
        declaredPoints: 6,
        items: [
          {
            text: '(1)继续深化计卫联合工作模式,与对应的社区卫生服务中心加强沟通联系,每月及时与卫生服务中心开展信息反馈,反馈率达100%。',
            points: 1,
            criteria: '反馈不及时或不反馈的每次扣0.1分',
            method: '根据平时工作打分',
          },
          {
            text: '(2)认真开展康检、妇检、随访、宣传、咨询、药具发放等技术服务工作。',
            points: 1,
            criteria: '根据档案记录酌情打分',
            method: '查阅档案',
          },
          {
            text: '(3)按规定开展药具随访工作',
            points: 1,
            criteria: '随访登记情况有1人与实际不符扣0.1分',
            method: '抽取10名用药人员检查药具随访登记',
          },
          {
            text: '(4)组织已婚育龄妇女开展免费体检活动。',
            points: 1,
            criteria: '每年至少体检一次',
            method: '看档案',
          },
          {
            text: '(5)拓宽药具发放渠道,及时更新药具展示柜药品,及时添加开架式避孕药具并做好登记,不得出现过期药和空架现象,并做好清洁、维护工作。',
            points: 1,
            criteria: '出现过期药和空架现象的扣0.1分,药具开架式不清洁、破损的扣0.1分。',
            method: '现场查看',
          },
          {
            text: '(6)按时按质完成各类报表及信息上报工作',
            points: 1,
            criteria: '报表延误上报或审核不严发回重做的扣0.2分/次',
            method: '根据平时工作打分。',
            pageBreakBefore: true,
          },
        ],
      },
      {
        text: '7、计生协会工作(4分)',
        declaredPoints: 4,
        items: [
          {
            text: '(1)依托党的基层组织建设,带动社区协会组织建设。协会组织机构完善,开展好协会换届工作。',
            points: 2,
            criteria: '协会组织机构完善,开展了协会换届工作,档案齐全的记满分。',
            method: '查阅档案',
          },
          {
            text: '(2)深入开展生育关怀活动,提升优质服务水平,着力构建“幸福计生”。',
            points: 1,
            criteria: '活动记录不少于4次(三八节、母亲节、5.29、9.25)的记满分,每少一次扣0.5分',
            method: '查阅档案',
          },
          {
            text: '(3)进一步完善基层群众自治工作机制,扎实推进计划生育居民自治合格社区、先进社区创建活动',
            points: 1,
            criteria: '开展红旗创建活动,有活动记录、活动有成效的记满分。',
            method: '查阅档案',
          },
        ],
      },
    ],
  },
  {
    text: '(二)、重点及创新工作(35分)',
    declaredPoints: 35,
    sections: [
      {
        text: '1、信息化建设工作(6分)',
        declaredPoints: 6,
        items: [
          {
            text: '抓好人口计生信息化建设,依托省人口计生信息化管理服务平台,完善我街道的全员人口数据库,提高信息数据质量和信息运用水平,认真核查、比对、完善数据的共享。',
            points: 6,
            criteria: '系统运用、维护情况酌情打分;出生信息确认/反馈情况与实际不符的扣1分/人。',
            method: '根据平时工作打分;从系统活产信息中抽取5名类似“查无此人”的信息下户核查。',
          },
        ],
      },
      {
        text: '2、开展爱心牵手服务行动(6分)',
        declaredPoints: 6,
        items: [
          {
            text: '围绕科学婚检、生殖健康、孕产期保健、围产期保健、优生优育、新生儿护理等内容开展零距离的亲情服务。',
            points: 6,
            criteria: '要有计划,实施方案,建立服务对象档案,要有工作记录,跟踪记录,服务效果信息反馈记录。',
            method: '查阅档案及根据平时工作打分。',
          },
        ],
      },
      {
        text: '3、流动人口工作(10分)',
        declaredPoints: 10,
        items: [
          {
            text: '(1)扎实推进流动人口计划生育“一盘棋”服务管理工作,进一步加强区域协作,加强联系沟通,协调解决流动人口服务管理问题,有规范的“两地”联系记录。',
            points: 2,
            criteria: '有规范的“两地”联系记录的记满分。',
            method: '查阅档案',
            pageBreakBefore: true,
          },
          {
            text: '(2)全面开展流动人口清查清理工作,每季度开展一次大清理,摸清流动人口底数,掌握流动人口孕情,落实避孕节育措施。',
            points: 2,
            criteria: '有4次季清查方案、记录、小结的记满分,不足4次的扣0.5分/次。',
            method: '查阅档案',
          },
          {
            text: '(3)继续深化流动人口均等化服务工作,切实保障流动人口的合法权益。开展“爱在流动”和流动人口维权活动。',
            points: 1,
            criteria: '有活动记录的记满分。',
            method: '查阅档案',
          },
          {
            text: '(4)开展全员流动人口个案信息统计和季度上报工作,提高流动人口信息数据质量,依托人口和计划生育信息化管理服务平台,完善流动人口个案信息数据。及时登录国家平台提交流出流入育龄妇女孕情、生育、避孕节育、环孕检以及社会抚养费征收等重要信息。',
            points: 3,
            criteria: '指标未达全区平均水平扣0.5分/次。',
            method: '根据平时工作打分',
          },
          {
            text: '(5)积极开展流动人口计划生育协会组织项目建设,在健全完善原有流动人口计生协会的基础上,扩大覆盖面,在流动人口聚居点或者聚集的企业、市场成立计生协会组织,并正常开展活动。全年在流动人口计划生育协会开展宣传服务活动2次以上,充实服务管理内容,规范建设管理。',
            points: 2,
            criteria: '成立有协会并开展活动的得1分,开展流动人口宣传服务2次以上的得1分,每少一次扣0.5分',
            method: '查阅档案',
            pageBreakBefore: true,
          },
        ],
      },
      {
        text: '4、开展家健工作(8分)',
        declaredPoints: 8,
        items: [
          {
            text: '(1)家健指导室建设',
            points: 5,
            criteria: '没有家健室,没开展活动的不得分',
            method: '查看现场',
          },
          {
            text: '(2)采取有效措施开展以宣传教育、健康促进、优生咨询、高危人群指导、孕前筛查、更年期健康等为主要内容的出生缺陷一级预防工作。做到有计划、有措施、有活动记录、有成效。',
            points: 3,
            criteria: '有计划、有措施、有活动记录的记满分',
            method: '',
          },
        ],
      },
    ],
  },
];

/** Every item in table order, with the category and section it belongs to. */
export function seedItems(): {
  category: SeedCategory;
  section: SeedSection;
  item: SeedItem;
  index: number;
}[] {
  const out: { category: SeedCategory; section: SeedSection; item: SeedItem; index: number }[] = [];
  for (const category of SEED) {
    for (const section of category.sections) {
      section.items.forEach((item, index) => {
        out.push({ category, section, item, index });
      });
    }
  }
  return out;
}
